#pragma once
// Internal: reading UTF-8 back out of the bytes a wrong decode left behind. The bytes are
// "items": most are real bytes, but a U+FFFD or a '?' in the mojibake stands for a byte that
// was lost, and an ASCII space may stand for a 0xA0 byte that became a space on the way.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

namespace zhisou::text::repair_detail {

enum class ItemKind : std::uint8_t {
    Byte,     ///< a byte known exactly
    Lost,     ///< U+FFFD in the mojibake: some byte that did not survive
    Question, ///< '?': either itself or a lost byte
    Space,    ///< ' ': either itself or a 0xA0 byte
    Other,    ///< a character the code page cannot encode
};

struct Item {
    std::uint8_t byte = 0;
    ItemKind kind = ItemKind::Other;
};

struct Sequence {
    std::size_t length = 0;  ///< items consumed
    char32_t cp = 0;         ///< the character (U+FFFD when a byte was lost)
    bool lossy = false;      ///< a byte was lost
    bool used_space = false; ///< an ASCII space was read as byte 0xA0
};

/// Parses one multi-byte UTF-8 sequence starting at `items[i]` (also CESU-8 surrogate pairs,
/// which some encoders emit for emoji). nullopt when no sequence starts there.
[[nodiscard]] std::optional<Sequence> parse_sequence(std::span<const Item> items, std::size_t i);

/// Number of bytes a UTF-8 sequence led by `lead` has (2..4), or 0 for a non-lead byte.
[[nodiscard]] int utf8_sequence_length(std::uint8_t lead);

[[nodiscard]] inline bool is_continuation(std::uint8_t byte) {
    return (byte & 0xC0u) == 0x80;
}

} // namespace zhisou::text::repair_detail
