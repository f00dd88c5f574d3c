# Header metadata extractor: number, date, type, issuer, summary and stamps from page 1.
add_library(luutru_header_metadata
  ${CMAKE_CURRENT_SOURCE_DIR}/header_metadata.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/header_issuer.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/header_confidence.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/header_text.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/centered_summary.cc)
target_include_directories(luutru_header_metadata PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(luutru_header_metadata PUBLIC luutru_catalog luutru_tokenizers)
