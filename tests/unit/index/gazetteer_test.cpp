// The organization gazetteer: the built-in table's consistency, alias lookup in three scripts,
// mentions in running text (whole-word Latin, case-marked aliases, false friends, longest
// match, exact offsets), user tables and their errors, and "did you mean" suggestions.
// Golden tables: the input and the expected "id:matched text" are written out by hand.

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <gtest/gtest.h>
#include <iterator>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <zhisou/error.h>
#include <zhisou/index/gazetteer.h>

#include "test_support.h"

namespace {

using zhisou::index::Gazetteer;
using zhisou::index::Org;

const Gazetteer& builtin() {
    return Gazetteer::builtin();
}

/// "id:matched text" for every mention, separated by one space; the matched text is cut from
/// the input with the mention's offsets, so this also checks the offsets.
std::string mentions(const Gazetteer& gazetteer, std::string_view text) {
    std::string out;
    for (const auto& mention : gazetteer.find_mentions(text)) {
        if (!out.empty()) {
            out += ' ';
        }
        out += mention.org->id + ":" +
               std::string(text.substr(mention.begin, mention.end - mention.begin));
    }
    return out;
}

std::string id_of(const Org* org) {
    return org == nullptr ? "none" : org->id;
}

struct Golden {
    std::string_view input;
    std::string_view expected;
};

// --- The built-in table --------------------------------------------------------------------

TEST(GazetteerTable, BuiltinHasEnoughOrgsWithValidIds) {
    const auto& orgs = builtin().orgs();
    EXPECT_GE(orgs.size(), 80U);
    std::set<std::string> ids;
    std::set<std::string> names;
    std::size_t aliases = 0;
    for (const Org& org : orgs) {
        EXPECT_TRUE(ids.insert(org.id).second) << "duplicate id " << org.id;
        EXPECT_TRUE(names.insert(org.name).second) << "duplicate display name " << org.name;
        EXPECT_FALSE(org.aliases.empty()) << org.id;
        for (const char c : org.id) {
            EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') << org.id;
        }
        EXPECT_EQ(builtin().by_id(org.id), &org);
        aliases += org.aliases.size();
    }
    EXPECT_GE(aliases, 500U);
}

// Loading already refuses an alias that names two orgs; this checks the result the other way
// round: every alias (and every id) finds its own org and no other.
TEST(GazetteerTable, EveryAliasResolvesToItsOwnOrg) {
    for (const Org& org : builtin().orgs()) {
        EXPECT_EQ(builtin().find(org.id), &org) << "id " << org.id;
        for (const std::string& alias : org.aliases) {
            EXPECT_EQ(builtin().find(alias), &org)
                << "alias '" << alias << "' of " << org.id << " resolves to "
                << id_of(builtin().find(alias));
        }
    }
}

TEST(GazetteerTable, BuiltinIsParsedOnce) {
    EXPECT_EQ(&Gazetteer::builtin(), &Gazetteer::builtin());
}

// --- find(): one alias, any script or case ------------------------------------------------

constexpr Golden kFind[] = {
    // The examples, in English, Simplified and Traditional Chinese.
    {"zhipu", "zhipu"},
    {"Zhipu", "zhipu"},
    {"Zhipu AI", "zhipu"},
    {"Z.ai", "zhipu"},
    {"智谱", "zhipu"},
    {"智譜", "zhipu"},
    {"智谱AI", "zhipu"},
    {"北京智谱华章科技", "zhipu"},
    {"DeepSeek", "deepseek"},
    {"深度求索", "deepseek"},
    {"Alibaba", "alibaba"},
    {"阿里巴巴", "alibaba"},
    {"阿里", "alibaba"},
    {"Moonshot AI", "moonshot"},
    {"月之暗面", "moonshot"},
    {"ByteDance", "bytedance"},
    {"字节跳动", "bytedance"},
    {"字節跳動", "bytedance"},
    // Products belong to their maker.
    {"Qwen", "alibaba"},
    {"通義千問", "alibaba"},
    {"Kimi", "moonshot"},
    {"豆包", "bytedance"},
    {"ChatGLM", "zhipu"},
    {"Claude", "anthropic"},
    // Case, spacing and punctuation do not matter for a lookup (org:meta is Meta).
    {"ZHIPU AI", "zhipu"},
    {"  zhipu   ai ", "zhipu"},
    {"zhipuai", "zhipu"},
    {"zhipu-ai", "zhipu"},
    {"meta", "meta"},
    {"輝達", "nvidia"},
    {"騰訊", "tencent"},
    // Ids that are not aliases.
    {"jd", "jd"},
    {"high-flyer", "high-flyer"},
    {"01ai", "01ai"},
    // Not orgs: unknown names, false friends, empty input.
    {"Acme Robotics", "none"},
    {"阿里山", "none"},
    {"字节", "none"},
    {"", "none"},
    {"   ", "none"},
};

TEST(GazetteerFind, AliasesInAnyScriptAndCase) {
    for (const auto& [input, expected] : kFind) {
        EXPECT_EQ(id_of(builtin().find(input)), expected) << "find(\"" << input << "\")";
    }
}

// Needs the Normalizer's NFKC (full-width forms) and Traditional -> Simplified for a
// Traditional form the table does not list.
TEST(GazetteerFind, NormalizedForms) {
    EXPECT_EQ(id_of(builtin().find("ＤｅｅｐＳｅｅｋ")), "deepseek");
    EXPECT_EQ(id_of(builtin().find("北京智譜華章科技有限公司")), "zhipu");
}

// --- find_mentions(): orgs in running text ------------------------------------------------

constexpr Golden kMentions[] = {
    // Punctuation next to a Latin name, and products named after their maker.
    {"(DeepSeek)", "deepseek:DeepSeek"},
    {"DeepSeek's assistant", "deepseek:DeepSeek"},
    {"DeepSeek-R1 is out", "deepseek:DeepSeek"},
    {"deepseek-ai/DeepSeek-V3", "deepseek:deepseek-ai deepseek:DeepSeek"},
    {"Qwen2.5-72B and Qwen3", "alibaba:Qwen alibaba:Qwen"},
    {"GPT-4o and GPT-4 Turbo", "openai:GPT-4o openai:GPT-4"},
    {"GLM-4.5发布", "zhipu:GLM-4.5"},
    {"zai-org/glm-4.5-air", "zhipu:zai-org zhipu:glm-4.5"},
    {"Kimi k1.5", "moonshot:Kimi"},
    {"chat.z.ai", "zhipu:z.ai"},
    {"visit baidu.com", "baidu:baidu"},
    // Links are not mentions (share buttons, site menus, image hosts).
    {"https://www.facebook.com/sharer?u=1 and [苹果](//apple.solidot.org/)", "apple:苹果"},
    {"见https://github.com/deepseek-ai/DeepSeek-V3开源", ""},
    // Latin names inside Chinese text (no spaces).
    {"使用DeepSeek模型", "deepseek:DeepSeek"},
    {"据智谱AI消息，", "zhipu:智谱AI"},
    // Whole words only.
    {"metadata and meta-learning", ""},
    {"Meta-learning works", ""},
    {"Baiduri Bank", ""},
    {"fixAI", ""},
    {"XYZ.ai", ""},
    {"Kimiko wrote tests", ""},
    {"her alibi", ""},
    {"open AI research", ""},
    {"llama.cpp runs on Ollama", ""},
    {"an AMD64 build for amd64", ""},
    // Case-marked aliases: common words, names and acronyms in other senses.
    {"Meta released Llama 3", "meta:Meta meta:Llama"},
    {"the META key", ""},
    {"apple pie", ""},
    {"Apple and 苹果公司", "apple:Apple apple:苹果公司"},
    {"a mistral wind", ""},
    {"华为昇腾910B芯片", "huawei:华为 huawei:昇腾"},
    {"華為昇騰", "huawei:華為 huawei:昇騰"},
    {"烟雾升腾", ""},
    {"Mistral AI and Mixtral 8x7B", "mistral:Mistral AI mistral:Mixtral"},
    {"a minimax search", ""},
    {"MiniMax 的海螺AI", "minimax:MiniMax minimax:海螺AI"},
    {"xAI's Grok", "xai:xAI xai:Grok"},
    {"XAI means explainable AI", ""},
    {"threat intel from Intel", "intel:Intel"},
    {"Threat Intel Weekly", ""},
    {"the Amazon River", ""},
    {"Amazon and AWS", "amazon:Amazon amazon:AWS"},
    // False friends: longer words that contain an alias.
    {"the anthropic principle", ""},
    {"The Anthropic Principle", ""},
    {"Anthropic's Claude 3", "anthropic:Anthropic anthropic:Claude"},
    {"Claude Shannon and Jean-Claude", ""},
    {"released under the MIT License by MIT", "mit:MIT"},
    {"以MIT授權開放權重", ""},
    {"我们去阿里山看日出", ""},
    {"穆罕默德·阿里", ""},
    {"文心雕龙", ""},
    {"论文心得", ""},
    {"文心一言和文心大模型", "baidu:文心一言 baidu:文心大模型"},
    {"水烧到一百度", ""},
    {"上百度搜索", "baidu:百度"},
    {"4字节对齐", ""},
    {"京东方与京东", "jd:京东"},
    {"（来源：新智元）智元机器人", "agibot:智元机器人"},
    {"蘋果日報停刊", ""},
    {"台灣《蘋果》與《蘋果新聞網》", ""},
    // Longest match first.
    {"阿里巴巴和阿里云", "alibaba:阿里巴巴 alibaba:阿里云"},
    {"北京智谱华章科技有限公司", "zhipu:北京智谱华章科技有限公司"},
    {"腾讯混元大模型", "tencent:腾讯混元"},
    {"英伟达与輝達", "nvidia:英伟达 nvidia:輝達"},
    // Nothing to find.
    {"", ""},
    {"no orgs here", ""},
};

TEST(GazetteerMentions, GoldenTable) {
    for (const auto& [input, expected] : kMentions) {
        EXPECT_EQ(mentions(builtin(), input), expected) << "text: " << input;
    }
}

// These rely on the Normalizer: NFKC folds full-width forms, case folding keeps the shape
// check on the original text, Traditional -> Simplified covers forms the table omits, and
// default-ignorable characters (soft hyphen) vanish.
TEST(GazetteerMentions, NormalizedText) {
    EXPECT_EQ(mentions(builtin(), "ＤｅｅｐＳｅｅｋ发布"), "deepseek:ＤｅｅｐＳｅｅｋ");
    EXPECT_EQ(mentions(builtin(), "Ｍｅｔａ和ｍｅｔａ"), "meta:Ｍｅｔａ");
    EXPECT_EQ(mentions(builtin(), "智譜AI發布"), "zhipu:智譜AI");
    EXPECT_EQ(mentions(builtin(), "北京智譜華章科技有限公司"), "zhipu:北京智譜華章科技有限公司");
    EXPECT_EQ(mentions(builtin(), "Deep\u00ADSeek"), "deepseek:Deep\u00ADSeek");
}

TEST(GazetteerMentions, OffsetsAreOriginalBytes) {
    // 据 is 3 bytes; 智谱AI is 3 + 3 + 2.
    const auto zh = builtin().find_mentions("据智谱AI消息");
    ASSERT_EQ(zh.size(), 1U);
    EXPECT_EQ(zh[0].begin, 3U);
    EXPECT_EQ(zh[0].end, 11U);
    // ß (2 bytes) normalizes to "ss": offsets after it still point into the original.
    const auto en = builtin().find_mentions("Straße DeepSeek");
    ASSERT_EQ(en.size(), 1U);
    EXPECT_EQ(en[0].begin, 8U);
    EXPECT_EQ(en[0].end, 16U);
}

TEST(GazetteerMentions, BadBytesDoNotStopMatching) {
    const std::string text = "\xFF"
                             "DeepSeek\xC3 and 智谱\xE6\x99";
    EXPECT_EQ(mentions(builtin(), text), "deepseek:DeepSeek zhipu:智谱");
}

// Pieces of aliases, false friends, links and broken bytes glued at random: whatever the
// input, mentions lie inside it, in order, without overlapping.
TEST(GazetteerMentions, ArbitraryInputGivesOrderedSpansInside) {
    constexpr std::string_view kPieces[] = {
        "DeepSeek", "deep",     "Seek", "智谱",     "智",       "谱AI", "阿里",     "山",
        "巴巴",     "Meta",     "data", "-",        "'s",       " ",    "https://", "www.",
        "\xFF",     "\xE6\x99", "\xC3", "Ｍｅｔａ", "\u00AD",   "ß",    "2",        ".",
        "昇腾",     "GLM",      "-4.5", "Claude",   " Shannon", "\0"};
    std::uint32_t state = 12345;
    const auto next = [&state] {
        state = state * 1103515245U + 12345U;
        return state >> 16U;
    };
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        const std::uint32_t pieces = next() % 12;
        for (std::uint32_t i = 0; i < pieces; ++i) {
            text += kPieces[next() % std::size(kPieces)];
        }
        std::size_t last_end = 0;
        for (const auto& mention : builtin().find_mentions(text)) {
            ASSERT_NE(mention.org, nullptr);
            ASSERT_LE(last_end, mention.begin) << text;
            ASSERT_LT(mention.begin, mention.end) << text;
            ASSERT_LE(mention.end, text.size()) << text;
            last_end = mention.end;
        }
    }
}

TEST(GazetteerMentions, CountsEveryMention) {
    const auto found = builtin().find_mentions("智谱发布GLM-4.5。智谱表示，Zhipu AI 将继续开源。");
    ASSERT_EQ(found.size(), 4U);
    for (const auto& mention : found) {
        EXPECT_EQ(mention.org->id, "zhipu");
    }
}

// --- User tables ----------------------------------------------------------------------------

TEST(GazetteerUserTable, AddsOrgsAndMergesAliases) {
    Gazetteer gazetteer = builtin();
    const std::size_t before = gazetteer.orgs().size();
    gazetteer.add_table("# my orgs\n"
                        "acme\tAcme Robotics\tAcme|艾克米|=ACME\n"
                        "zhipu\tZhipu\tGLM-5\n"
                        "-\tnot an org\tAcme Road\n",
                        "mine.tsv");
    EXPECT_EQ(gazetteer.orgs().size(), before + 1);
    EXPECT_EQ(id_of(gazetteer.find("艾克米")), "acme");
    EXPECT_EQ(id_of(gazetteer.find("GLM-5")), "zhipu");
    EXPECT_EQ(gazetteer.by_id("zhipu")->name, "Zhipu AI"); // the first name stays
    EXPECT_EQ(mentions(gazetteer, "Acme Robotics和艾克米; GLM-5 on Acme Road"),
              "acme:Acme Robotics acme:艾克米 zhipu:GLM-5");
    // The built-in gazetteer is not touched by a copy's additions.
    EXPECT_EQ(builtin().find("艾克米"), nullptr);
    EXPECT_EQ(builtin().orgs().size(), before);
}

TEST(GazetteerUserTable, AliasesMarkedAsWritten) {
    Gazetteer gazetteer;
    gazetteer.add_table("arm\tArm\t=Arm|=ARM\n", "arm.tsv");
    EXPECT_EQ(mentions(gazetteer, "Arm and ARM, not arm or aRM"), "arm:Arm arm:ARM");
    EXPECT_EQ(id_of(gazetteer.find("arm")), "arm"); // lookups ignore case
    // Han characters as written: 乾 is not the same word as 干 even if normalized alike.
    gazetteer.add_table("qiankun\tQiankun\t=乾坤科技\n", "han.tsv");
    EXPECT_EQ(mentions(gazetteer, "乾坤科技与干坤科技"), "qiankun:乾坤科技");
}

struct BadTable {
    std::string_view tsv;
    std::string_view message;
};

constexpr BadTable kBadTables[] = {
    {"acme Acme Robotics Acme\n",
     "mine.tsv:1: expected 3 tab-separated columns (id, name, aliases separated by |), found 1; "
     "are the columns separated by spaces instead of tabs?"},
    {"# comment\n\nAcme\tAcme\tx\n", "mine.tsv:3: invalid org id 'Acme'"},
    {"acme\t\tAcme\n", "mine.tsv:1: org 'acme' has no display name (second column)"},
    {"acme\tAcme\ta||b\n", "mine.tsv:1: empty alias for org 'acme'"},
    {"acme\tAcme\ta|\n", "mine.tsv:1: empty alias for org 'acme'"},
    {"acme\tAcme\ta\tb\n", "mine.tsv:1: expected 3 tab-separated columns"},
    {"acme\tAcme\t\xFF\xFE\n", "mine.tsv:1: not valid UTF-8; save the table as UTF-8"},
    {"acme\tAcme\t---\n", "mine.tsv:1: alias '---' has no letters or digits"},
    {"acme\tAcme\tDeepSeek\n", "mine.tsv:1: alias 'DeepSeek' is already used by org 'deepseek'"},
    {"acme\tAcme\t智譜\n", "mine.tsv:1: alias '智譜' is already used by org 'zhipu'"},
    {"-\tnot an org\t阿里\n", "mine.tsv:1: alias '阿里' is already used by org 'alibaba'"},
    {"acme\tAcme\t阿里山\n", "mine.tsv:1: alias '阿里山' is already used by the false friends"},
    {"acme\tAcme\tx\r\nbeta\tBeta\tAcme\r\n",
     "mine.tsv:2: alias 'Acme' is already used by org 'acme'"},
};

TEST(GazetteerUserTable, MalformedRowsNameFileAndLine) {
    for (const auto& [tsv, message] : kBadTables) {
        Gazetteer gazetteer = builtin();
        const std::size_t before = gazetteer.orgs().size();
        try {
            gazetteer.add_table(tsv, "mine.tsv");
            ADD_FAILURE() << "no error for: " << tsv;
        } catch (const zhisou::InputError& error) {
            EXPECT_EQ(std::string_view(error.what()).substr(0, message.size()), message)
                << "table: " << tsv << "\nmessage: " << error.what();
        }
        // A failed table changes nothing.
        EXPECT_EQ(gazetteer.orgs().size(), before);
        EXPECT_EQ(gazetteer.find("acme"), nullptr);
    }
}

TEST(GazetteerUserTable, ReadsFilesWithBomAndCrlf) {
    const zhisou::testing::TempDir dir;
    const auto path = dir.path() / "orgs.tsv";
    {
        std::ofstream out(path, std::ios::binary);
        out << "\xEF\xBB\xBF# my table\r\nacme\tAcme Robotics\tAcme|艾克米\r\n";
    }
    Gazetteer gazetteer;
    gazetteer.add_file(path);
    EXPECT_EQ(id_of(gazetteer.find("艾克米")), "acme");
    EXPECT_EQ(mentions(gazetteer, "据艾克米消息"), "acme:艾克米");

    {
        std::ofstream out(path, std::ios::binary);
        out << "acme\tAcme\tx\nbeta Beta y\n";
    }
    try {
        gazetteer.add_file(path);
        ADD_FAILURE() << "no error for a row without tabs";
    } catch (const zhisou::InputError& error) {
        EXPECT_NE(std::string(error.what()).find(path.string() + ":2: expected 3 tab-separated"),
                  std::string::npos)
            << error.what();
    }
    EXPECT_THROW(gazetteer.add_file(dir.path() / "missing.tsv"), zhisou::InputError);
    EXPECT_THROW(gazetteer.add_file(dir.path()), zhisou::InputError);
}

// --- suggest(): did you mean ----------------------------------------------------------------

TEST(GazetteerSuggest, NearestIdsAndAliases) {
    EXPECT_EQ(builtin().suggest("zhipuu"), std::vector<std::string>{"zhipu"});
    EXPECT_EQ(builtin().suggest("deepseak", 1), std::vector<std::string>{"deepseek"});
    EXPECT_EQ(builtin().suggest("antropic", 1), std::vector<std::string>{"anthropic"});
    EXPECT_EQ(builtin().suggest("nvdia", 1), std::vector<std::string>{"nvidia"});
    EXPECT_EQ(builtin().suggest("Bytedanse", 1), std::vector<std::string>{"bytedance"});
    EXPECT_EQ(builtin().suggest("智朴"), (std::vector<std::string>{"智元", "智源", "智谱"}));
    EXPECT_EQ(builtin().suggest("openia"), std::vector<std::string>{"openai"});
    EXPECT_EQ(builtin().suggest("moonshot ia"), std::vector<std::string>{"Moonshot AI"});
    EXPECT_TRUE(builtin().suggest("quuxblarg").empty());
    EXPECT_TRUE(builtin().suggest("").empty());
    EXPECT_TRUE(builtin().suggest("zhipuu", 0).empty());
}

// --- The bundled samples (plain UTF-8 files; decoding and repair are not involved) ----------

struct SampleOrgs {
    std::string_view path;
    std::string_view ids; ///< sorted; samples/expected.json's orgs, except as noted
};

constexpr SampleOrgs kSamples[] = {
    {"en/2025-01-20-deepseek-r1.md", "alibaba deepseek meta openai"},
    {"en/qwen3-release.md", "alibaba"},
    {"en/kimi-k2-open-weights.txt", "bytedance deepseek moonshot"},
    {"en/ai-industry-report-2024.txt",
     "alibaba anthropic baidu google meta mistral moonshot openai"},
    {"en/podcast-open-weights-transcript.txt", "alibaba deepseek meta mistral"},
    {"en/search-indexer-notes.md", "nvidia"},
    {"en/gpt-4o-launch.md", "google openai"},
    {"en/chip-supply-briefing.md", "alibaba deepseek huawei nvidia zhipu"},
    {"zh-hans/zhipu-financing-2025.md", "deepseek zhipu"},
    {"zh-hans/doubao-price-war.md", "alibaba baidu bytedance"},
    {"zh-hans/ernie-4-5-x1.txt", "baidu deepseek"},
    {"zh-hans/hunyuan-t1.md", "deepseek tencent"},
    {"zh-hans/segmentation-traps.txt", "alibaba"},
    {"zh-hant/zhipu-glm-4-5-tw.md", "zhipu"},
    {"zh-hant/deepseek-r1-hk.md", "deepseek nvidia openai"},
    {"zh-hant/qwen-2-5-open-source.txt", "alibaba"},
    // expected.json assumed a smaller table without Hugging Face, named in this file.
    {"mixed/glm-4-7-release.md", "anthropic huggingface zhipu"},
    {"mixed/z-ai-rebrand.md", "zhipu"},
    {"mixed/benchmark-roundup-2025.md", "alibaba anthropic deepseek openai zhipu"},
    {"mixed/podcast-ep42-kimi-minimax-doubao.md", "bytedance minimax moonshot"},
    {"mixed/year-in-review.md", "alibaba baidu bytedance deepseek minimax moonshot tencent zhipu"},
    {"mojibake/negative-latin-symbols.md", "microsoft"},
};

TEST(GazetteerSamples, OrgsOfPlainUtf8Samples) {
    for (const auto& [path, ids] : kSamples) {
        const std::string text = zhisou::testing::read_file(zhisou::testing::samples_dir() / path);
        std::set<std::string> found;
        for (const auto& mention : builtin().find_mentions(text)) {
            found.insert(mention.org->id);
        }
        std::string joined;
        for (const std::string& id : found) {
            joined += (joined.empty() ? "" : " ") + id;
        }
        EXPECT_EQ(joined, ids) << path;
    }
}

} // namespace
