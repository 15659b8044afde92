// The symbol prior: a base weight per character and a multiplier per role and position.
#include "text/repair_symbol_prior.h"

#include <algorithm>
#include <array>

namespace zhisou::text::repair_detail {
namespace {

enum class Role : unsigned char { Apostrophe, OpenQuote, CloseQuote, Dash, Bullet, Mark, Icon };

struct Entry {
    char32_t cp;
    double weight;
    Role role;
};

// Icons are emoji and pictographs; Mark covers ™ € and the like.
constexpr std::array kEntries{
    Entry{0x2013, 300, Role::Dash},        // – en dash
    Entry{0x2014, 300, Role::Dash},        // — em dash
    Entry{0x2018, 150, Role::OpenQuote},   // ‘
    Entry{0x2019, 1000, Role::Apostrophe}, // ’
    Entry{0x201C, 400, Role::OpenQuote},   // “
    Entry{0x201D, 400, Role::CloseQuote},  // ”
    Entry{0x2020, 5, Role::Mark},          // †
    Entry{0x2021, 2, Role::Mark},          // ‡
    Entry{0x2022, 150, Role::Bullet},      // •
    Entry{0x2026, 200, Role::CloseQuote},  // … (ends things, like a closing quote)
    Entry{0x2030, 3, Role::Mark},          // ‰
    Entry{0x2032, 5, Role::Mark},          // ′
    Entry{0x2033, 5, Role::Mark},          // ″
    Entry{0x20AC, 40, Role::Mark},         // €
    Entry{0x2122, 30, Role::Mark},         // ™
    Entry{0x2190, 10, Role::Icon},         // ←
    Entry{0x2191, 8, Role::Icon},          // ↑
    Entry{0x2192, 25, Role::Bullet},       // →
    Entry{0x2193, 8, Role::Icon},          // ↓
    Entry{0x21B3, 3, Role::Bullet},        // ↳
    Entry{0x21D2, 5, Role::Bullet},        // ⇒
    Entry{0x2500, 20, Role::Dash},         // ─
    Entry{0x2502, 10, Role::Mark},         // │
    Entry{0x25A0, 10, Role::Bullet},       // ■
    Entry{0x25AA, 5, Role::Bullet},        // ▪
    Entry{0x25B6, 15, Role::Bullet},       // ▶
    Entry{0x25BA, 10, Role::Bullet},       // ►
    Entry{0x25CF, 15, Role::Bullet},       // ●
    Entry{0x2600, 5, Role::Icon},          // ☀
    Entry{0x2605, 20, Role::Icon},         // ★
    Entry{0x2606, 10, Role::Icon},         // ☆
    Entry{0x260E, 5, Role::Icon},          // ☎
    Entry{0x2615, 5, Role::Icon},          // ☕
    Entry{0x2665, 10, Role::Icon},         // ♥
    Entry{0x26A0, 30, Role::Icon},         // ⚠
    Entry{0x26A1, 40, Role::Icon},         // ⚡
    Entry{0x26BD, 5, Role::Icon},          // ⚽
    Entry{0x23F0, 15, Role::Icon},         // ⏰ (sorted below)
    Entry{0x23F3, 15, Role::Icon},         // ⏳
    Entry{0x2705, 60, Role::Bullet},       // ✅
    Entry{0x2708, 5, Role::Icon},          // ✈
    Entry{0x270D, 3, Role::Icon},          // ✍
    Entry{0x2713, 20, Role::Bullet},       // ✓
    Entry{0x2714, 20, Role::Bullet},       // ✔
    Entry{0x2728, 40, Role::Icon},         // ✨
    Entry{0x274C, 30, Role::Bullet},       // ❌
    Entry{0x2757, 10, Role::Icon},         // ❗
    Entry{0x2764, 80, Role::Icon},         // ❤
    Entry{0x27A1, 20, Role::Bullet},       // ➡
    Entry{0x2B06, 8, Role::Icon},          // ⬆
    Entry{0x2B07, 8, Role::Icon},          // ⬇
    Entry{0x2B50, 40, Role::Icon},         // ⭐
    Entry{0x1F30D, 10, Role::Icon},        // 🌍
    Entry{0x1F310, 10, Role::Icon},        // 🌐
    Entry{0x1F389, 40, Role::Icon},        // 🎉
    Entry{0x1F3AF, 15, Role::Icon},        // 🎯
    Entry{0x1F3C6, 10, Role::Icon},        // 🏆
    Entry{0x1F3FB, 5, Role::Mark},         // 🏻 skin tones
    Entry{0x1F3FC, 5, Role::Mark},         // 🏼
    Entry{0x1F3FD, 5, Role::Mark},         // 🏽
    Entry{0x1F440, 15, Role::Icon},        // 👀
    Entry{0x1F447, 20, Role::Bullet},      // 👇
    Entry{0x1F449, 40, Role::Bullet},      // 👉
    Entry{0x1F44D, 60, Role::Icon},        // 👍
    Entry{0x1F44F, 20, Role::Icon},        // 👏
    Entry{0x1F4A1, 40, Role::Icon},        // 💡
    Entry{0x1F4AA, 20, Role::Icon},        // 💪
    Entry{0x1F4AC, 10, Role::Icon},        // 💬
    Entry{0x1F4B0, 15, Role::Icon},        // 💰
    Entry{0x1F4BB, 15, Role::Icon},        // 💻
    Entry{0x1F4BC, 5, Role::Icon},         // 💼
    Entry{0x1F4C8, 20, Role::Icon},        // 📈
    Entry{0x1F4CA, 30, Role::Icon},        // 📊
    Entry{0x1F4CC, 30, Role::Bullet},      // 📌
    Entry{0x1F4CD, 10, Role::Bullet},      // 📍
    Entry{0x1F4DD, 15, Role::Icon},        // 📝
    Entry{0x1F4E2, 15, Role::Icon},        // 📢
    Entry{0x1F4E3, 10, Role::Icon},        // 📣
    Entry{0x1F4F1, 15, Role::Icon},        // 📱
    Entry{0x1F525, 80, Role::Icon},        // 🔥
    Entry{0x1F50D, 15, Role::Icon},        // 🔍
    Entry{0x1F517, 15, Role::Icon},        // 🔗
    Entry{0x1F534, 10, Role::Bullet},      // 🔴
    Entry{0x1F600, 20, Role::Icon},        // 😀
    Entry{0x1F601, 15, Role::Icon},        // 😁
    Entry{0x1F602, 100, Role::Icon},       // 😂
    Entry{0x1F60A, 50, Role::Icon},        // 😊
    Entry{0x1F60D, 50, Role::Icon},        // 😍
    Entry{0x1F60E, 15, Role::Icon},        // 😎
    Entry{0x1F621, 10, Role::Icon},        // 😡
    Entry{0x1F62D, 30, Role::Icon},        // 😭
    Entry{0x1F64F, 30, Role::Icon},        // 🙏
    Entry{0x1F680, 60, Role::Icon},        // 🚀
    Entry{0x1F6A8, 15, Role::Icon},        // 🚨
    Entry{0x1F7E2, 10, Role::Bullet},      // 🟢
    Entry{0x1F914, 30, Role::Icon},        // 🤔
    Entry{0x1F916, 20, Role::Icon},        // 🤖
    Entry{0x1F9E0, 15, Role::Icon},        // 🧠
};

double role_factor(Role role, SymbolPosition position) {
    switch (position) {
    case SymbolPosition::LineStart:
        switch (role) {
        case Role::Bullet:
            return 4.0;
        case Role::Icon:
            return 3.0;
        case Role::Apostrophe:
            return 0.02;
        case Role::CloseQuote:
            return 0.1;
        case Role::OpenQuote:
            return 0.5;
        default:
            return 1.0;
        }
    case SymbolPosition::InsideWord:
        switch (role) {
        case Role::Apostrophe:
            return 5.0;
        case Role::Icon:
            return 0.3;
        case Role::OpenQuote:
        case Role::CloseQuote:
            return 0.05;
        default:
            return 1.0;
        }
    case SymbolPosition::BeforeWord:
        switch (role) {
        case Role::OpenQuote:
            return 3.0;
        case Role::Icon:
            return 1.5;
        case Role::CloseQuote:
            return 0.1;
        case Role::Apostrophe:
            return 0.3;
        default:
            return 1.0;
        }
    case SymbolPosition::AfterWord:
        switch (role) {
        case Role::CloseQuote:
        case Role::Mark:
            return 3.0;
        case Role::Apostrophe:
            return 1.5;
        case Role::OpenQuote:
            return 0.1;
        case Role::Bullet:
            return 0.5;
        default:
            return 1.0;
        }
    case SymbolPosition::Alone:
        switch (role) {
        case Role::Dash:
            return 3.0;
        case Role::Apostrophe:
            return 0.1;
        case Role::OpenQuote:
        case Role::CloseQuote:
            return 0.3;
        default:
            return 1.0;
        }
    }
    return 1.0;
}

constexpr double kClearMargin = 3.0;
constexpr double kUnlistedWeight = 1.0;

} // namespace

double symbol_weight(char32_t cp, SymbolPosition position) {
    const auto it = std::find_if(kEntries.begin(), kEntries.end(),
                                 [cp](const Entry& entry) { return entry.cp == cp; });
    if (it == kEntries.end()) {
        return 0.0;
    }
    return it->weight * role_factor(it->role, position);
}

std::optional<char32_t> clear_winner(std::span<const char32_t> candidates,
                                     SymbolPosition position) {
    double best = 0;
    double second = 0;
    double total = 0;
    char32_t winner = 0;
    for (const char32_t cp : candidates) {
        // A character not in the table still takes a little of the odds: it exists, and
        // the winner has to stand out from all of them together.
        const double listed = symbol_weight(cp, position);
        const double weight = listed > 0 ? listed : kUnlistedWeight;
        total += weight;
        if (weight > best) {
            second = best;
            best = weight;
            winner = cp;
        } else if (weight > second) {
            second = weight;
        }
    }
    if (best > kUnlistedWeight && best >= kClearMargin * second && best > 0.5 * total) {
        return winner;
    }
    return std::nullopt;
}

} // namespace zhisou::text::repair_detail
