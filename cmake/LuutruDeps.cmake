# Every dependency comes from a Debian 12 package (scripts/setup-deps.sh installs them).
find_package(PkgConfig REQUIRED)
find_package(ICU 72 REQUIRED COMPONENTS uc i18n data)
# luutru_icu: ICU for every target. A program with the property LUUTRU_STATIC_DEPS links the static
# archives (libicu-dev ships them): luutru-search starts once per request, and mapping and
# relocating the shared ICU libraries would cost every start (search/README.md, "No ICU start-up").
foreach(part i18n uc data)
  find_library(ICU_${part}_STATIC libicu${part}.a REQUIRED)
endforeach()
set(_luutru_static_deps "$<BOOL:$<TARGET_PROPERTY:LUUTRU_STATIC_DEPS>>")
add_library(luutru_icu INTERFACE)
target_link_libraries(luutru_icu INTERFACE
  "$<IF:${_luutru_static_deps},${ICU_i18n_STATIC},ICU::i18n>"
  "$<IF:${_luutru_static_deps},${ICU_uc_STATIC},ICU::uc>"
  "$<IF:${_luutru_static_deps},${ICU_data_STATIC},ICU::data>"
  "$<${_luutru_static_deps}:${CMAKE_DL_LIBS}>")
find_package(Boost 1.74 REQUIRED COMPONENTS program_options)
find_library(BOOST_PROGRAM_OPTIONS_STATIC libboost_program_options.a REQUIRED)  # for luutru-search
find_package(nlohmann_json 3.11 REQUIRED)
# RapidJSON (header only): search answers written as JSON text without building a tree first.
find_package(RapidJSON 1.1 REQUIRED)
add_library(luutru_rapidjson INTERFACE)
target_include_directories(luutru_rapidjson INTERFACE ${RAPIDJSON_INCLUDE_DIRS})
# SSE2 (every x86-64 has it): strings are scanned for bytes to escape 16 at a time.
if(CMAKE_SYSTEM_PROCESSOR MATCHES "x86_64|AMD64")
  target_compile_definitions(luutru_rapidjson INTERFACE RAPIDJSON_SSE2)
endif()
pkg_check_modules(XAPIAN REQUIRED IMPORTED_TARGET xapian-core)
pkg_check_modules(POPPLER_CPP REQUIRED IMPORTED_TARGET poppler-cpp)
# poppler-glib: a page's embedded images (poppler-cpp has no call for them).
pkg_check_modules(POPPLER_GLIB REQUIRED IMPORTED_TARGET poppler-glib cairo)
# qpdf: a PDF's structure (which images a page draws) without drawing it.
pkg_check_modules(QPDF REQUIRED IMPORTED_TARGET libqpdf)
# libjpeg (libjpeg-turbo): a scan's JPEG stream decoded straight to grey for OCR.
pkg_check_modules(JPEG REQUIRED IMPORTED_TARGET libjpeg)
pkg_check_modules(TESSERACT REQUIRED IMPORTED_TARGET tesseract lept)
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)
# LZ4: the stored records (catalog/schema.cc says why not Xapian's own zlib); Zstandard: the
# records of older indexers. Static in a LUUTRU_STATIC_DEPS program, like ICU: shared libraries
# fewer to load per request.
pkg_check_modules(LZ4 REQUIRED IMPORTED_TARGET liblz4)
find_library(LZ4_STATIC liblz4.a REQUIRED)
add_library(luutru_lz4 INTERFACE)
target_link_libraries(luutru_lz4 INTERFACE "$<IF:${_luutru_static_deps},${LZ4_STATIC},PkgConfig::LZ4>")
pkg_check_modules(ZSTD REQUIRED IMPORTED_TARGET libzstd)
find_library(ZSTD_STATIC libzstd.a REQUIRED)
add_library(luutru_zstd INTERFACE)
target_link_libraries(luutru_zstd INTERFACE "$<IF:${_luutru_static_deps},${ZSTD_STATIC},PkgConfig::ZSTD>")
pkg_check_modules(PANGOCAIRO REQUIRED IMPORTED_TARGET pangocairo cairo-pdf)
# SQLite: state kept apart from the index (the catalog's rows while a run reads them, the reading
# room's retrieval requests). Static in a LUUTRU_STATIC_DEPS program, like ICU.
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
find_library(SQLITE3_STATIC libsqlite3.a REQUIRED)
add_library(luutru_sqlite3 INTERFACE)
target_link_libraries(luutru_sqlite3 INTERFACE
  "$<IF:${_luutru_static_deps},${SQLITE3_STATIC},PkgConfig::SQLITE3>"
  "$<${_luutru_static_deps}:${CMAKE_DL_LIBS}>" "$<${_luutru_static_deps}:m>")

# OpenCV's core, imgproc and ml: the handwritten digit model (indexer/ocr/digit_model.h); imgcodecs
# reads its training sheet at build time. Debian's per-module -dev packages ship no CMake or
# pkg-config file (libopencv-dev, which does, pulls in every module): found by hand.
find_path(OPENCV_INCLUDE_DIR opencv2/core.hpp PATH_SUFFIXES opencv4 REQUIRED)
add_library(luutru_opencv INTERFACE)
target_include_directories(luutru_opencv SYSTEM INTERFACE ${OPENCV_INCLUDE_DIR})
foreach(module ml imgproc core)
  find_library(OPENCV_${module}_LIBRARY opencv_${module} REQUIRED)
  target_link_libraries(luutru_opencv INTERFACE ${OPENCV_${module}_LIBRARY})
endforeach()
find_library(OPENCV_imgcodecs_LIBRARY opencv_imgcodecs REQUIRED)
# The 5,000 handwritten digits the model is trained on (opencv-doc); a system that leaves out
# /usr/share/doc builds without the model, and the indexer then reads those digits with
# Tesseract alone.
find_file(LUUTRU_DIGITS_PNG digits.png PATHS /usr/share/doc/opencv-doc/examples/data NO_DEFAULT_PATH)

# libcsv (RFC 4180 parser) ships no pkg-config file.
find_path(CSV_INCLUDE_DIR csv.h REQUIRED)
find_library(CSV_LIBRARY csv REQUIRED)
add_library(luutru_libcsv INTERFACE)
target_include_directories(luutru_libcsv INTERFACE ${CSV_INCLUDE_DIR})
target_link_libraries(luutru_libcsv INTERFACE ${CSV_LIBRARY})

if(BUILD_TESTING)
  find_package(GTest REQUIRED)
  if(NOT LUUTRU_SANITIZE)
    find_package(benchmark REQUIRED)
  endif()
endif()
