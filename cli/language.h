// The language of a program's human-readable output: Vietnamese by default, English with
// `--lang en` or a LANG that starts with "en" (docs/contract.md). JSON field names are English
// whatever the language. One type for every program and library; each program chooses it.
#ifndef LUUTRU_CLI_LANGUAGE_H_
#define LUUTRU_CLI_LANGUAGE_H_

namespace luutru::cli {

enum class Lang { kVi, kEn };

}  // namespace luutru::cli

#endif  // LUUTRU_CLI_LANGUAGE_H_
