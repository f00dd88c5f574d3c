# The indexer (luutru-index: the single writer, incremental state, the worker pool) and its
# extraction workers (luutru-index-worker: Poppler text, OCR). The writer does not link Poppler or
# Tesseract: their libraries are bound at load time, which costs every run ~70 M instructions.
add_library(luutru_index
  page_text.cc assemble.cc worker_protocol.cc worker_pool.cc file_state.cc file_name.cc folder_walk.cc jsonl_input.cc
  messages.cc index_writer.cc index_run.cc)
target_link_libraries(luutru_index
  PUBLIC luutru_catalog luutru_tokenizers luutru_header_metadata
         PkgConfig::XAPIAN nlohmann_json::nlohmann_json
  PRIVATE PkgConfig::XXHASH)

add_library(luutru_extract extract.cc oversized_page.cc)
target_link_libraries(luutru_extract
  PUBLIC luutru_index luutru_ocr PkgConfig::POPPLER_CPP
  PRIVATE PkgConfig::QPDF)

add_executable(luutru-index-worker extract_worker.cc)
target_link_libraries(luutru-index-worker PRIVATE luutru_extract luutru_cli)

add_executable(luutru-index luutru_index_main.cc progress.cc)
target_link_libraries(luutru-index PRIVATE luutru_index luutru_cli Boost::program_options)
add_dependencies(luutru-index luutru-index-worker)
install(TARGETS luutru-index RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# Only luutru-index runs the worker: it goes with the helper programs (cli/program_info.h).
install(TARGETS luutru-index-worker RUNTIME DESTINATION ${LUUTRU_INSTALL_HELPERDIR})
