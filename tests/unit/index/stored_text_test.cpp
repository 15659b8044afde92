// The body text kept in value slot kSlotText: zstd frames that read back exactly, and damaged
// or foreign values that read as "no text" instead of failing a search.

#include <gtest/gtest.h>
#include <string>

#include <zhisou/index/stored_text.h>

namespace {

using zhisou::index::compress_stored_text;
using zhisou::index::decompress_stored_text;

TEST(StoredText, FramesReadBackExactly) {
    std::string long_text;
    for (int i = 0; i < 2000; ++i)
        long_text += "智谱发布 GLM-4.5，开源权重。Zhipu released GLM-4.5 with open weights. ";
    for (const std::string& text : {std::string(), std::string("a"), long_text}) {
        const std::string frame = compress_stored_text(text);
        const auto back = decompress_stored_text(frame);
        ASSERT_TRUE(back.has_value());
        EXPECT_EQ(*back, text);
    }
    EXPECT_LT(compress_stored_text(long_text).size(), long_text.size() / 10); // repetitive text
}

TEST(StoredText, DamagedOrForeignValuesGiveNoText) {
    const std::string frame = compress_stored_text("月之暗面发布 Kimi K2 model weights");
    EXPECT_FALSE(decompress_stored_text("").has_value());
    EXPECT_FALSE(decompress_stored_text("{\"text\":\"plain JSON\"}").has_value());
    EXPECT_FALSE(decompress_stored_text(frame.substr(0, frame.size() - 3)).has_value());
    std::string flipped = frame;
    flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x5a);
    const auto damaged = decompress_stored_text(flipped); // no checksum: may decode, never crash
    if (damaged) {
        EXPECT_LE(damaged->size(), 64U);
    }
}

} // namespace
