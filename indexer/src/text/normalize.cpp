// INTERIM (being replaced): identity.
#include <zhisou/text/normalize.h>

namespace zhisou::text {

Normalizer::Normalizer() = default;

std::string Normalizer::normalize(std::string_view utf8) const { return std::string(utf8); }

NormalizedText Normalizer::normalize_mapped(std::string_view utf8) const {
    NormalizedText result;
    result.text.assign(utf8);
    for (std::uint32_t i = 0; i <= utf8.size(); ++i) result.to_original.push_back(i);
    return result;
}

} // namespace zhisou::text
