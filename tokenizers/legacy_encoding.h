// Repair of text extracted from PDFs set in legacy 8-bit Vietnamese fonts.
//
// A PDF made with TCVN3/ABC (".VnTime") or VNI-Windows fonts has no usable ToUnicode map, so an
// extractor returns Latin-1 look-alikes ("Uû ban nh©n d©n tØnh"). Detect such text and convert it
// to Unicode as it was written ("Uỷ ban nhân dân tỉnh"). Genuine Unicode Vietnamese and other
// languages (French, German, English with accents) are returned unchanged.
#ifndef LUUTRU_TOKENIZERS_LEGACY_ENCODING_H_
#define LUUTRU_TOKENIZERS_LEGACY_ENCODING_H_

#include <string>
#include <string_view>

namespace luutru::tokenizers {

enum class LegacyEncoding {
  kNone,   // Unicode text, nothing to repair.
  kTcvn3,  // TCVN 5712:1993 (TCVN3, ABC), fonts .VnTime, .VnArial, .VnTimeH ...
  kVni,    // VNI-Windows fonts (VNI-Times ...): a base letter followed by a mark byte.
};

// Guesses the encoding of `utf8` from its characters alone. Short or ambiguous text is kNone:
// a false repair is worse than a missed one.
LegacyEncoding DetectLegacyEncoding(std::string_view utf8);

// Converts `utf8` (the look-alike text) from `encoding` to Unicode. kNone returns it unchanged.
std::string ConvertLegacyEncoding(std::string_view utf8, LegacyEncoding encoding);

// DetectLegacyEncoding + ConvertLegacyEncoding.
std::string RepairLegacyEncoding(std::string_view utf8);

// False when `utf8` cannot be legacy look-alike text: it holds no control character and no
// Latin-1 character that Vietnamese does not use (TCVN3 and VNI text always shows some, such as
// "©", "¸", "û", "ä"). A cheap gate before asking a PDF for each word's font name.
bool MayBeLegacyText(std::string_view utf8);

// Name of a legacy font ("ABCDEF+.VnTime", "VNI-Times") -> its encoding, or kNone.
LegacyEncoding EncodingOfFontName(std::string_view font_name);

}  // namespace luutru::tokenizers

#endif  // LUUTRU_TOKENIZERS_LEGACY_ENCODING_H_
