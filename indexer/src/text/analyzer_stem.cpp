// English stems with a bounded per-thread cache (see analyzer_stem.h).

#include "text/analyzer_stem.h"

#include <functional>
#include <unordered_map>
#include <xapian.h>

namespace zhisou::text::analyzer_detail {
namespace {

// Enough for the working vocabulary of a news corpus; the cache is dropped when full, which
// keeps memory bounded however many distinct words a stream brings.
constexpr std::size_t kMaxCachedStems = 1 << 16;
// Longer words are rare and seldom repeat; caching them would only cost memory.
constexpr std::size_t kMaxCachedWordBytes = 32;

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
        return std::hash<std::string_view>{}(s);
    }
};

struct StemCache {
    Xapian::Stem stemmer{"en"}; // Snowball keeps state inside, so never shared between threads
    std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> stems;
    std::string uncached;
};

} // namespace

std::string_view english_stem(std::string_view word) {
    thread_local StemCache cache;
    if (word.size() > kMaxCachedWordBytes) {
        cache.uncached = cache.stemmer(std::string(word));
        return cache.uncached;
    }
    if (const auto it = cache.stems.find(word); it != cache.stems.end())
        return it->second;
    if (cache.stems.size() >= kMaxCachedStems)
        cache.stems.clear();
    std::string key(word);
    std::string stem = cache.stemmer(key);
    return cache.stems.emplace(std::move(key), std::move(stem)).first->second;
}

} // namespace zhisou::text::analyzer_detail
