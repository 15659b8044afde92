#pragma once
// Source bytes -> ExtractedDocument: decode, repair, then the fields (title, date with its
// precision and origin, orgs, source, author, lang, tags, dates mentioned in the body).

#include <string>
#include <string_view>

#include <zhisou/index/document.h>
#include <zhisou/index/source.h>

namespace zhisou::index {

class Gazetteer;

/// Detects the language label of a text: "en", "zh-Hans", "zh-Hant", "mixed", or "" when
/// there is too little text to say.
[[nodiscard]] std::string detect_lang(std::string_view utf8);

class Extractor {
public:
    explicit Extractor(const Gazetteer& gazetteer);

    /// Throws InputError when the input is not a text document (binary data).
    [[nodiscard]] ExtractedDocument extract(const SourceDocument& source) const;

private:
    const Gazetteer& m_gazetteer;
};

} // namespace zhisou::index
