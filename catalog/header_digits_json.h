// The JSON form of catalog::HeaderDigits, shared by the OCR cache, the indexer's worker frames
// and the stored record: {"number": [digits, votes, readings, agreeing readers], "day": …,
// "month": …}, a field
// without a reading left out.
#ifndef LUUTRU_CATALOG_HEADER_DIGITS_JSON_H_
#define LUUTRU_CATALOG_HEADER_DIGITS_JSON_H_

#include <nlohmann/json.hpp>
#include <optional>

#include "catalog/model.h"

namespace luutru::catalog {

nlohmann::json HeaderDigitsToJson(const HeaderDigits& digits);
// Throws nlohmann::json::exception on a value HeaderDigitsToJson did not write.
HeaderDigits HeaderDigitsFromJson(const nlohmann::json& j);

}  // namespace luutru::catalog

#endif  // LUUTRU_CATALOG_HEADER_DIGITS_JSON_H_
