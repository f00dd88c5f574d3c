# Tesseract OCR of scanned pages, the choice of which pages need it, and the OCR cache.
find_package(OpenMP REQUIRED COMPONENTS CXX)
add_library(luutru_ocr
  ocr_engine.cc embedded_image.cc jpeg_image.cc ocr_page_choice.cc pdf_images.cc ocr_cache.cc ocr_text.cc gray_image.cc header_digits.cc)
# poppler-glib (the scan's own image, embedded_image.cc) ships headers named like poppler-cpp's
# (poppler-document.h, poppler-page.h): POPPLER_CPP comes first so that <poppler-page.h> is the
# C++ one; poppler-glib's own headers include theirs by quoted name. libjpeg decodes a scan's
# JPEG stream straight to grey (jpeg_image.cc), which qpdf finds (embedded_image.cc).
target_link_libraries(luutru_ocr
  PUBLIC PkgConfig::POPPLER_CPP luutru_catalog luutru_tokenizers
  PRIVATE PkgConfig::TESSERACT ICU::uc nlohmann_json::nlohmann_json PkgConfig::XXHASH
          OpenMP::OpenMP_CXX PkgConfig::POPPLER_GLIB PkgConfig::QPDF PkgConfig::JPEG)
