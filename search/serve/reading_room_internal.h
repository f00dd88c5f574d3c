// Helpers the route files of the reading room share (reading_room.cc, reading_room_requests.cc):
// JSON answers, errors, the reader's language, the search's parameters.
#ifndef LUUTRU_SEARCH_SERVE_READING_ROOM_INTERNAL_H_
#define LUUTRU_SEARCH_SERVE_READING_ROOM_INTERNAL_H_

#include <httplib.h>

#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "search/messages.h"
#include "search/searcher.h"

namespace luutru::serve::room {

void SendJson(httplib::Response& res, int status, const nlohmann::ordered_json& body);
void SendError(httplib::Response& res, int status, const std::string& message);
search::Lang RequestLang(const httplib::Request& req);
// The parameter's value; nullopt when absent or empty.
std::optional<std::string> Param(const httplib::Request& req, const char* name);
// The search's filters from the request's parameters, as /api/search reads them.
search::SearchRequest FiltersOf(const httplib::Request& req, catalog::Secrecy clearance);
// Runs `body`, turning the search library's errors into JSON answers with the right status.
void Guarded(const httplib::Request& req, httplib::Response& res, const std::function<void(search::Lang)>& body);

}  // namespace luutru::serve::room

#endif  // LUUTRU_SEARCH_SERVE_READING_ROOM_INTERNAL_H_
