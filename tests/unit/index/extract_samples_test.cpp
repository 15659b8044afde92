// Golden field extraction on the bundled samples: for every document, the title, the date with
// its precision and origin, the organizations, the language and the repaired flag, written out.
// samples/README.md explains what each file exercises.

#include <algorithm>
#include <gtest/gtest.h>
#include <map>

#include <zhisou/error.h>
#include <zhisou/index/extract.h>
#include <zhisou/index/gazetteer.h>
#include <zhisou/index/source.h>

#include "test_support.h"

namespace {

using namespace zhisou::index;
namespace fs = std::filesystem;

struct Expected {
    const char* path; ///< relative to samples/; JSONL records as file#id
    const char* title;
    const char* date; ///< "" when the document has no date
    const char* date_from;
    const char* orgs; ///< sorted ids, comma-separated
    const char* lang;
    bool repaired;
};

// clang-format off
const Expected kExpected[] = {
    {"en/2025-01-20-deepseek-r1.md", "DeepSeek-R1 arrives with open weights and a permissive license", "2025-01-20", "filename", "alibaba,deepseek,meta,openai", "en", false},
    {"en/zhipu-glm-4-5-launch.md", "Zhipu launches GLM-4.5, an open agentic model family", "2025-07-28", "front-matter", "alibaba,deepseek,zhipu", "en", false},
    {"en/zhipu-glm-4-5-launch-wire.md", "Zhipu unveils GLM-4.5 open agentic model family", "2025-07-28", "front-matter", "alibaba,deepseek,zhipu", "en", false},
    {"en/qwen3-release.md", "Alibaba's Qwen3 brings hybrid thinking to open-weight models", "2025-04-29", "front-matter", "alibaba", "en", false},
    {"en/kimi-k2-open-weights.txt", "Moonshot AI open-sources Kimi K2, a trillion-parameter MoE model", "2025-07-14", "byline", "bytedance,deepseek,moonshot", "en", false},
    {"en/ai-industry-report-2024.txt", "Frontier Model Landscape: Quarterly Summary", "2024-04-10", "byline", "alibaba,anthropic,baidu,google,meta,mistral,moonshot,openai", "en", false},
    {"en/podcast-open-weights-transcript.txt", "Signal & Noise - Episode transcript: \"Who wins with open weights?\"", "", "none", "alibaba,deepseek,meta,mistral", "en", false},
    {"en/search-indexer-notes.md", "Field notes on building a small document indexer", "2025-03-05", "byline", "nvidia", "en", false},
    {"en/gpt-4o-launch.md", "OpenAI unveils GPT-4o, a faster multimodal flagship", "2024-05-13", "front-matter", "google,openai", "en", false},
    {"en/chip-supply-briefing.md", "Briefing: compute supply for Chinese AI labs", "2026-05", "front-matter", "alibaba,deepseek,huawei,nvidia,zhipu", "en", false},
    {"zh-hans/zhipu-financing-2025.md", "智谱完成新一轮融资，地方国资投资方加码", "2025-03", "byline", "deepseek,zhipu", "zh-Hans", false},
    {"zh-hans/deepseek-v3-2.md", "深度求索发布DeepSeek-V3.2，稀疏注意力降低长文本成本", "2025-12-01", "front-matter", "deepseek", "zh-Hans", false},
    {"zh-hans/doubao-price-war.md", "豆包大模型大幅降价，国内大模型价格战升温", "2024-05-15", "byline", "alibaba,baidu,bytedance", "zh-Hans", false},
    {"zh-hans/ernie-4-5-x1.txt", "百度发布文心大模型4.5和文心大模型X1", "2025-03-16", "byline", "baidu,deepseek", "zh-Hans", false},
    {"zh-hans/hunyuan-t1.md", "腾讯混元推出深度思考模型T1正式版", "2025-03-21", "front-matter", "deepseek,tencent", "zh-Hans", false},
    {"zh-hans/kimi-long-context.md", "Kimi智能助手支持200万字超长上下文", "2024-03-18", "byline", "moonshot", "zh-Hans", false},
    {"zh-hans/segmentation-traps.txt", "本地部署开源模型的经验分享", "", "none", "alibaba", "zh-Hans", false},
    {"zh-hant/zhipu-glm-4-5-tw.md", "智譜發表GLM-4.5，主打智慧代理能力", "2025-07-30", "byline", "zhipu", "zh-Hant", false},
    {"zh-hant/deepseek-r1-hk.md", "深度求索R1震撼市場，輝達股價單日重挫", "2025-01-28", "front-matter", "deepseek,nvidia,openai", "zh-Hant", false},
    {"zh-hant/qwen-2-5-open-source.txt", "通義千問開源Qwen2.5系列，旗艦版本達720億參數", "2024-09", "byline", "alibaba", "zh-Hant", false},
    {"mixed/glm-4-7-release.md", "智谱发布GLM-4.7：编程与智能体能力再升级", "2025-12-22", "front-matter", "anthropic,huggingface,zhipu", "mixed", false},
    {"mixed/z-ai-rebrand.md", "From 智谱清言 to Z.ai: Zhipu's international rebrand", "2025-07", "front-matter", "zhipu", "mixed", false},
    {"mixed/benchmark-roundup-2025.md", "2025年开源与闭源大模型评测汇总 Benchmark roundup", "2025-08-15", "front-matter", "alibaba,anthropic,deepseek,openai,zhipu", "mixed", false},
    {"mixed/dev-notes-api-migration.txt", "开发笔记：把 GPT-4o 调用迁移到 DeepSeek-V3", "2025-03-05", "byline", "deepseek,openai", "mixed", false},
    {"mixed/podcast-ep42-kimi-minimax-doubao.md", "硅谷与中关村 Podcast Ep.42：Kimi、MiniMax 和豆包的产品路线", "", "none", "bytedance,minimax,moonshot", "mixed", false},
    {"mixed/year-in-review.md", "Year in review: China's LLM market 中国大模型年度回顾", "2024", "front-matter", "alibaba,baidu,bytedance,deepseek,minimax,moonshot,tencent,zhipu", "mixed", false},
    {"encodings/gb18030-zhipu-listing.txt", "智谱在香港挂牌上市，成为“大模型第一股”之一", "2026-01", "byline", "minimax,moonshot,zhipu", "zh-Hans", false},
    {"encodings/gb18030-ernie-bot-public.md", "文心一言向全社会开放", "2023-08-31", "front-matter", "baidu", "zh-Hans", false},
    {"encodings/big5-zhipu-glm-4-6.txt", "智譜發表GLM-4.6，上下文長度擴充至二十萬", "2025-09-30", "byline", "cambricon,zhipu", "zh-Hant", false},
    {"encodings/big5-computex-ai-servers.md", "台北國際電腦展聚焦AI伺服器", "2024-06-04", "front-matter", "nvidia", "zh-Hant", false},
    {"encodings/utf16le-bom-qwen2-5-72b.md", "Qwen2.5-72B 开源：Alibaba 的 open-weight 旗舰", "2024-09-19", "front-matter", "alibaba", "mixed", false},
    {"encodings/utf16be-kimi-k1-5.md", "Kimi k1.5 与 DeepSeek-R1 同日发布", "2025-01-20", "front-matter", "deepseek,moonshot", "mixed", false},
    {"encodings/utf8-bom-claude-3.md", "Anthropic releases the Claude 3 model family", "2024-03-04", "front-matter", "anthropic,google,openai", "en", false},
    {"encodings/cp1252-eu-ai-act.txt", "EU AI Act enters into force: what it means for model providers", "2024-08-01", "byline", "google,mistral,openai", "en", false},
    {"html/gbk-hunyuan-video.html", "腾讯混元开源视频生成模型HunyuanVideo", "2024-12-03", "html-meta", "tencent", "zh-Hans", false},
    {"html/deepseek-v3-2-exp.html", "DeepSeek-V3.2-Exp halves API prices with sparse attention", "2025-09-29", "html-meta", "deepseek", "en", false},
    {"html/2025-11-06-kimi-k2-thinking.html", "月之暗面发布Kimi K2 Thinking思考模型", "2025-11-06", "filename", "moonshot", "zh-Hans", false},
    {"mojibake/cp1252-zhipu-interview.md", "Interview: why Zhipu bets on open weights", "2025-08-05", "front-matter", "alibaba,deepseek,tsinghua,zhipu", "en", true},
    {"mojibake/latin1-c1-deepseek-pricing.txt", "DeepSeek cuts off-peak API prices", "2025-03-05", "byline", "alibaba,deepseek", "en", true},
    {"mojibake/double-cp1252-qwen-max.md", "Alibaba's Qwen2.5-Max arrives on Lunar New Year", "2025-01-29", "front-matter", "alibaba,deepseek", "en", true},
    {"mojibake/gbk-moonshot-kimi.md", "月之暗面更新Kimi长文本能力", "2025-02", "front-matter", "moonshot", "mixed", true},
    {"mojibake/cp874-scraped-minimax.txt", "PandaWire | China AI Brief", "", "none", "minimax", "en", true},
    {"mojibake/unrecoverable-replacement.txt", "百度智能云发布会实录（节选）", "2023-11", "byline", "baidu", "zh-Hans", false},
    {"mojibake/negative-thai.txt", "ข่าวสั้น: นักพัฒนาไทยกับโมเดลภาษาขนาดใหญ่", "", "none", "openai", "th", false},
    {"mojibake/negative-latin-symbols.md", "Field report: cooling AI racks in Munich and Marseille", "2024-11-12", "front-matter", "microsoft", "en", false},
    {"jsonl/news.jsonl#news-001", "DeepSeek app tops US App Store as R1 goes viral", "2025-01-27", "jsonl", "deepseek,openai", "en", false},
    {"jsonl/news.jsonl#news-002", "智谱发布GLM-4.5系列开源模型", "2025-07-28", "jsonl", "zhipu", "zh-Hans", false},
    {"jsonl/news.jsonl#news-003", "月之暗面推出開源模型Kimi K2", "2025-07-11", "jsonl", "moonshot,openai", "zh-Hant", false},
    {"jsonl/news.jsonl#news-004", "ByteDance launches Doubao-1.5-pro", "2025-01-22", "jsonl", "bytedance,openai", "en", false},
    {"jsonl/news.jsonl#news-005", "Qwen3 开源，Hugging Face 下载量迅速攀升", "2025-04-29", "jsonl", "alibaba,huggingface", "mixed", false},
    {"jsonl/news.jsonl#news-006", "Google introduces Gemini 2.0 Flash", "2024-12-11", "jsonl", "google", "en", false},
    {"jsonl/news.jsonl#news-007", "百度开源文心大模型4.5系列", "2025-06-30", "jsonl", "baidu", "zh-Hans", false},
    {"jsonl/news.jsonl#news-008", "xAI opens Grok API to developers", "", "none", "openai,xai", "en", false},
    {"bad/broken.jsonl#bad-001", "Tencent releases Hunyuan-Large", "2024-11-05", "jsonl", "tencent", "en", false},    // Invalid UTF-8 bytes are decoded as U+FFFD and counted, never dropped silently.
    {"bad/invalid-utf8.txt", "Notes on GPU rental prices", "", "none", "nvidia", "mixed", false},
};
// clang-format on

std::string relative_key(const SourceDocument& source) {
    std::string key = fs::relative(source.path, zhisou::testing::samples_dir()).generic_string();
    if (source.line != 0)
        key += "#" + source.id;
    return key;
}

std::string join_orgs(const ExtractedDocument& doc) {
    std::string out;
    for (const auto& org : doc.orgs) {
        if (!out.empty())
            out += ',';
        out += org.id;
    }
    return out;
}

class SampleExtraction : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        const Extractor extractor(Gazetteer::builtin());
        walk_sources(
            {zhisou::testing::samples_dir().string()}, {},
            [&](SourceDocument&& source) {
                const std::string key = relative_key(source);
                try {
                    documents().emplace(key, extractor.extract(source));
                } catch (const zhisou::Error& e) {
                    problems().emplace(key, e.what());
                }
            },
            [&](const SourceProblem& problem) {
                problems().emplace(
                    fs::relative(problem.path, zhisou::testing::samples_dir()).generic_string() +
                        (problem.line ? ":" + std::to_string(problem.line) : ""),
                    problem.reason);
            });
    }
    static std::map<std::string, ExtractedDocument>& documents() {
        static std::map<std::string, ExtractedDocument> docs;
        return docs;
    }
    static std::map<std::string, std::string>& problems() {
        static std::map<std::string, std::string> found;
        return found;
    }
};

TEST_F(SampleExtraction, EveryDocumentMatchesItsExpectedFields) {
    for (const auto& expected : kExpected) {
        SCOPED_TRACE(expected.path);
        const auto it = documents().find(expected.path);
        ASSERT_NE(it, documents().end()) << "not extracted";
        const ExtractedDocument& doc = it->second;
        EXPECT_EQ(doc.title, expected.title);
        EXPECT_EQ(doc.date ? doc.date->to_string() : "", expected.date);
        EXPECT_EQ(doc.date_from, expected.date_from);
        EXPECT_EQ(join_orgs(doc), expected.orgs);
        EXPECT_EQ(doc.lang, expected.lang);
        EXPECT_EQ(doc.repaired, expected.repaired);
    }
    for (const auto& [key, doc] : documents()) {
        const bool listed = std::any_of(std::begin(kExpected), std::end(kExpected),
                                        [&](const Expected& e) { return key == e.path; });
        EXPECT_TRUE(listed) << "unexpected document " << key << " titled " << doc.title;
    }
}

TEST_F(SampleExtraction, BadInputsAreReportedWithReasons) {
    EXPECT_EQ(problems()["bad/empty.txt"], "empty file");
    EXPECT_EQ(problems()["bad/broken.jsonl:2"].rfind("invalid JSON", 0), 0U);
    EXPECT_EQ(problems()["bad/broken.jsonl:3"], "missing string field \"text\"");
    // binary.bin has no text extension: not a document, not a problem.
    EXPECT_EQ(problems().count("bad/binary.bin"), 0U);
}

TEST_F(SampleExtraction, ScriptsAndStylesAreNotText) {
    const auto& doc = documents().at("html/deepseek-v3-2-exp.html");
    EXPECT_EQ(doc.body.find("function"), std::string::npos) << doc.body;
    EXPECT_EQ(doc.body.find("{"), std::string::npos) << doc.body;
}

// Residue that cannot be repaired (锟斤拷, U+FFFD from undecodable bytes) marks a document as
// damaged, not as repaired: nothing was undone.
TEST_F(SampleExtraction, UnrecoverableResidueIsFlaggedNotRepaired) {
    for (const char* path : {"mojibake/unrecoverable-replacement.txt", "bad/invalid-utf8.txt"}) {
        SCOPED_TRACE(path);
        const auto& doc = documents().at(path);
        EXPECT_TRUE(doc.unrecoverable);
        EXPECT_FALSE(doc.repaired);
        EXPECT_EQ(doc.body.find("锟斤拷"), std::string::npos);
    }
    EXPECT_FALSE(documents().at("mojibake/cp1252-zhipu-interview.md").unrecoverable);
}

TEST_F(SampleExtraction, MonthPrecisionIsKept) {
    const auto& doc = documents().at("en/chip-supply-briefing.md");
    ASSERT_TRUE(doc.date);
    EXPECT_EQ(doc.date->precision, DatePrecision::Month);
    EXPECT_EQ(doc.date->first_day(), 20260501);
    EXPECT_EQ(doc.date->last_day(), 20260531);
}

TEST(DetectLang, LabelsScripts) {
    EXPECT_EQ(detect_lang("OpenAI released a new model for developers today in San Francisco."),
              "en");
    EXPECT_EQ(detect_lang("智谱今天发布了新一代大模型，面向开发者开放接口，价格也同步下调。"),
              "zh-Hans");
    EXPECT_EQ(detect_lang("智譜今天發布了新一代大模型，面向開發者開放介面，價格也同步下調。"),
              "zh-Hant");
    EXPECT_EQ(detect_lang("智谱发布 GLM-4.5 模型评测结果：reasoning, coding and agentic tasks "
                          "compared with DeepSeek and Qwen，开源权重同步上线"),
              "mixed");
    EXPECT_EQ(detect_lang("ok"), "");
}

} // namespace
