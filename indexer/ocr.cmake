# Tesseract OCR of scanned pages, the choice of which pages need it, and the OCR cache.
find_package(OpenMP REQUIRED COMPONENTS CXX)
add_library(luutru_ocr
  ocr_engine.cc ocr_page_choice.cc ocr_cache.cc ocr_text.cc page_image.cc)
target_link_libraries(luutru_ocr
  PUBLIC PkgConfig::POPPLER_CPP
  PRIVATE PkgConfig::TESSERACT ICU::uc nlohmann_json::nlohmann_json PkgConfig::XXHASH
          OpenMP::OpenMP_CXX)
