// The other ways the same Vietnamese text is written, as the variants of the corpus need them:
// NFC/NFD, the "new" tone placement (hoà, khoẻ, thuỷ), marks removed (what a user types), one
// mark dropped (OCR damage), and the TCVN3 (ABC) look-alike a legacy .VnTime font leaves in a
// text layer.
#ifndef LUUTRU_CORPUS_TEXT_FORMS_H_
#define LUUTRU_CORPUS_TEXT_FORMS_H_

#include <string>
#include <string_view>

namespace luutru::corpus {

std::string ToNfc(std::string_view utf8);
std::string ToNfd(std::string_view utf8);
// hòa → hoà, khỏe → khoẻ, thủy → thuỷ: the mark moves to the last vowel of an open oa/oe/uy
// syllable (not after q). Input and output NFC.
std::string ToNewToneStyle(std::string_view utf8);
// All marks removed and đ→d, Đ→D: "Đặng Thị Điệp" → "Dang Thi Diep".
std::string RemoveMarks(std::string_view utf8);
// Drops the tone mark of the first marked syllable found from `from_syllable`: "Vì" → "Vi".
std::string DropOneMark(std::string_view utf8);
// Unicode → the Latin-1 look-alike of its TCVN3 bytes ("Uû ban nh©n d©n"). ư (byte 0xAD, a soft
// hyphen in Latin-1, which renderers drop) is written as U+2212 as extractors show it. Accented
// capitals, which TCVN3 puts in separate .VnTimeH fonts, come out lower case as those fonts do.
std::string ToTcvn3LookAlike(std::string_view utf8);
// The inverse: what a correct repair yields from a look-alike text layer.
std::string FromTcvn3LookAlike(std::string_view lookalike);

}  // namespace luutru::corpus

#endif  // LUUTRU_CORPUS_TEXT_FORMS_H_
