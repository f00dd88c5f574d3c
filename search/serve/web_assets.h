// The reading room's web page: one HTML page, its script and its style, compiled into the
// program so that nothing is loaded from outside (a reading room may have no Internet).
#ifndef LUUTRU_SEARCH_SERVE_WEB_ASSETS_H_
#define LUUTRU_SEARCH_SERVE_WEB_ASSETS_H_

#include <string_view>

namespace luutru::serve {

std::string_view IndexHtml();
std::string_view AppJs();
std::string_view AppCss();
// The archivist's desk (web_desk.cc): browsing, pull slips, retrieval requests, their report.
std::string_view DeskJs();
std::string_view DeskCss();

}  // namespace luutru::serve

#endif  // LUUTRU_SEARCH_SERVE_WEB_ASSETS_H_
