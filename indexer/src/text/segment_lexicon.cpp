#include "text/segment_lexicon.h"

#include <string_view>

namespace zhisou::text::seg {
namespace {

// The classes as written; Simplified and Traditional forms side by side.
constexpr std::u32string_view kNumerals = U"〇○零一二三四五六七八九十百千万萬亿億两兩廿卅";
constexpr std::u32string_view kDateUnits = U"年月日号號";
constexpr std::u32string_view kFunction =
    U"的是在有不也都就还還只很最更他她我你它这這那能说說又才再被把给給让讓到会會要";
// Function words, pronouns, prepositions, common measure words and locatives: each is a word
// by itself far more often than the start of an unknown name.
constexpr std::u32string_view kStandalone =
    U"的了在是和与與及也都就不没沒我你他她它们們这這那有为為以于於对對从從把被将將向到又"
    U"还還很最更要会會能说說让讓给給等个個上下中里裏裡后後前内內外时時年月日多大小并並而或"
    U"但却卻则則之其此该該各每着著过過地得来來去吗嗎呢吧啊呀么麼由比跟同往至自当當才再已曾"
    U"正仍均共只所第位名次种種件条條项項批些点點元人"
    U"〇○零一二三四五六七八九十百千万萬亿億两兩";
constexpr std::u32string_view kCountingNumerals = U"一二三四五六七八九十两兩几幾多";
constexpr std::u32string_view kMeasures =
    U"个個次位名条條种種批项項件家场場片对對艘张張只隻座台臺辆輛架份类類股支根门門间間篇首句"
    U"段块塊层層步套届屆期轮輪笔筆封枚颗顆年天人夜周週";
constexpr std::u32string_view kDegrees = U"最更很太极極较較挺";
constexpr std::u32string_view kGradables = U"大多好新快难難强強少小久长長远遠早晚差";
constexpr std::u32string_view kTransliteration =
    U"阿埃艾爱安昂奥澳巴拜班邦鲍贝本比彼毕宾波伯博布查达戴丹道德迪蒂丁东杜顿多厄恩尔法凡范菲费"
    U"芬丰弗福夫盖甘冈戈格哥古瓜圭哈海汉豪赫亨洪胡华霍基吉加贾杰金卡凯坎康考柯科克肯孔库夸奎"
    U"拉莱赖兰朗劳勒雷蕾黎里丽利莉连列林琳隆卢鲁路伦罗洛马玛迈麦曼梅门蒙米密摩莫墨默姆穆纳娜"
    U"乃奈南内尼妮涅宁纽努诺欧帕潘庞佩彭皮珀普奇齐乔切钦琴琼丘萨塞赛桑瑟森沙莎尚舍什施史斯松"
    U"苏索塔泰坦汤唐特提廷图托瓦旺威韦维温沃乌西希锡席夏辛休雅亚扬耶伊依英尤约泽詹兹佐娃茨策"
    U"愛奧貝畢賓達東頓爾費豐蓋剛漢華賈傑凱庫誇萊賴蘭勞麗連倫羅瑪邁麥門納紐諾歐龐齊喬瓊薩賽"
    U"蘇湯圖韋維溫烏錫亞揚茲鮑魯盧";
constexpr std::u32string_view kSuffixes =
    U"化性者派队隊级級会會院省市县縣区區镇鎮村乡鄉岛島宫宮党黨军軍局员員组組界型式率税稅厂廠"
    U"路街站港厅廳委树樹馆館室团團社费費";
constexpr std::u32string_view kLexicalDe = U"有目似别別总總真是";
constexpr std::u32string_view kLexicalLe = U"为為除罢罷未极極算";
constexpr std::u32string_view kLexicalZai = U"现現正存实實自所内內外潜潛好";

constexpr std::array<std::u32string_view, 7> kFunctionPairWords = {
    U"只要", U"还要", U"還要", U"不要", U"要是", U"再说", U"再說",
};
// 一个 is lexicalized in PKU's standard and in everyday writing; 多次 is an adverb.
constexpr std::array<std::u32string_view, 4> kMeasurePairWords = {U"一个", U"一個", U"多次",
                                                                  U"一人"};
constexpr std::array<std::u32string_view, 2> kDegreePairWords = {U"更新", U"太多"};
constexpr std::array<std::u32string_view, 2> kTwoCharSuffixes = {U"主义", U"主義"};

constexpr std::array<std::uint16_t, 0x10000> build_flags() {
    std::array<std::uint16_t, 0x10000> flags{};
    const auto set = [&flags](std::u32string_view chars, CharFlag flag) {
        for (char32_t c : chars)
            flags[c] |= static_cast<std::uint16_t>(flag);
    };
    set(kNumerals, CharFlag::Numeral);
    set(kDateUnits, CharFlag::DateUnit);
    set(kFunction, CharFlag::Function);
    set(kStandalone, CharFlag::Standalone);
    set(kCountingNumerals, CharFlag::CountingNumeral);
    set(kMeasures, CharFlag::Measure);
    set(kDegrees, CharFlag::Degree);
    set(kGradables, CharFlag::Gradable);
    set(kTransliteration, CharFlag::Transliteration);
    set(kSuffixes, CharFlag::Suffix);
    set(kLexicalDe, CharFlag::LexicalDe);
    set(kLexicalLe, CharFlag::LexicalLe);
    set(kLexicalZai, CharFlag::LexicalZai);
    return flags;
}

template <std::size_t N>
bool contains_pair(const std::array<std::u32string_view, N>& words, char32_t first,
                   char32_t second) {
    for (std::u32string_view word : words) {
        if (word[0] == first && word[1] == second)
            return true;
    }
    return false;
}

} // namespace

constinit const std::array<std::uint16_t, 0x10000> kCharFlags = build_flags();

bool is_lexical_function_pair(char32_t first, char32_t second) {
    return contains_pair(kFunctionPairWords, first, second);
}

bool is_lexical_measure_pair(char32_t first, char32_t second) {
    return contains_pair(kMeasurePairWords, first, second);
}

bool is_lexical_degree_pair(char32_t first, char32_t second) {
    return contains_pair(kDegreePairWords, first, second);
}

bool is_two_char_suffix(char32_t first, char32_t second) {
    return contains_pair(kTwoCharSuffixes, first, second);
}

} // namespace zhisou::text::seg
