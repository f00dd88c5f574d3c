# Extraction workers, the single writer, incremental state and the luutru-index command.
add_library(luutru_index
  page_text.cc extract.cc assemble.cc worker_pool.cc file_state.cc jsonl_input.cc
  messages.cc progress.cc index_run.cc)
target_link_libraries(luutru_index
  PUBLIC luutru_catalog luutru_tokenizers luutru_header_metadata luutru_ocr
         PkgConfig::XAPIAN PkgConfig::POPPLER_CPP
  PRIVATE nlohmann_json::nlohmann_json PkgConfig::XXHASH)

add_executable(luutru-index luutru_index_main.cc)
target_link_libraries(luutru-index PRIVATE luutru_index Boost::program_options)
install(TARGETS luutru-index RUNTIME DESTINATION bin)
