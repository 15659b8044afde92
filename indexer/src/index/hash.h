#pragma once
// Internal: a fast, stable 64-bit hash (FNV-1a with a final avalanche) for fingerprints and
// near-duplicate shingles. Stable across runs and machines: values are stored in the index.

#include <cstdint>
#include <string_view>

namespace zhisou::index {

[[nodiscard]] inline std::uint64_t hash64(std::string_view bytes,
                                          std::uint64_t seed = 0xcbf29ce484222325ULL) noexcept {
    std::uint64_t h = seed;
    for (const char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    // splitmix64 finalizer: FNV alone mixes the last bytes poorly.
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 31;
    return h;
}

} // namespace zhisou::index
