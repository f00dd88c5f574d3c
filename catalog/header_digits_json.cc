#include "catalog/header_digits_json.h"

namespace luutru::catalog {
namespace {

constexpr const char* kFields[] = {"number", "day", "month"};

std::optional<DigitReading>* Field(HeaderDigits& d, int i) { return i == 0 ? &d.number : i == 1 ? &d.day : &d.month; }

}  // namespace

nlohmann::json HeaderDigitsToJson(const HeaderDigits& digits) {
  nlohmann::json j = nlohmann::json::object();
  HeaderDigits copy = digits;
  for (int i = 0; i < 3; ++i) {
    if (const auto& r = *Field(copy, i))
      j[kFields[i]] = nlohmann::json::array({r->digits, r->votes, r->readings, r->agreeing_readers});
  }
  return j;
}

HeaderDigits HeaderDigitsFromJson(const nlohmann::json& j) {
  HeaderDigits out;
  for (int i = 0; i < 3; ++i) {
    if (auto it = j.find(kFields[i]); it != j.end()) {
      *Field(out, i) = DigitReading{it->at(0).get<std::string>(), it->at(1).get<int>(), it->at(2).get<int>(),
                                    it->size() > 3 ? it->at(3).get<int>() : 0};
    }
  }
  return out;
}

}  // namespace luutru::catalog
