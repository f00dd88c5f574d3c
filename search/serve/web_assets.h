// The reading room's web page: one HTML page, its script and its style, compiled into the
// program so that nothing is loaded from outside (a reading room may have no Internet).
#ifndef LUUTRU_SEARCH_SERVE_WEB_ASSETS_H_
#define LUUTRU_SEARCH_SERVE_WEB_ASSETS_H_

#include <string_view>

namespace luutru::serve {

std::string_view IndexHtml();
std::string_view AppJs();
std::string_view AppCss();

}  // namespace luutru::serve

#endif  // LUUTRU_SEARCH_SERVE_WEB_ASSETS_H_
