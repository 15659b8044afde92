#pragma once
// Organizations of the Chinese and US AI industry: every alias, in English, Simplified and
// Traditional Chinese, maps to one canonical id (智譜, Z.ai, Zhipu AI -> zhipu).
// Lookups compare normalized forms (NFKC, case-folded, Traditional -> Simplified).
// The table format and the matching rules are described at the top of indexer/data/orgs.tsv.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace zhisou::index {

struct Org {
    std::string id;                   ///< canonical, lower-case ASCII slug: "zhipu"
    std::string name;                 ///< display name: "Zhipu AI"
    std::vector<std::string> aliases; ///< as written in the table, all scripts, name included
};

/// An org found in text; offsets are byte offsets into the text given to find_mentions.
struct OrgMention {
    const Org* org = nullptr;
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// Org pointers returned by a Gazetteer stay valid until it is next modified (add_table,
/// add_file, assignment). Const member functions are safe to call from several threads.
class Gazetteer {
public:
    /// The table shipped with Zhisou (indexer/data/orgs.tsv, compiled into the binary).
    [[nodiscard]] static const Gazetteer& builtin();

    /// An empty gazetteer; add tables with add_table / add_file.
    Gazetteer();
    ~Gazetteer();
    Gazetteer(const Gazetteer&);
    Gazetteer& operator=(const Gazetteer&);
    Gazetteer(Gazetteer&&) noexcept;
    Gazetteer& operator=(Gazetteer&&) noexcept;

    /// Adds the rows of a table in orgs.tsv format; `origin` names it in error messages.
    /// A row whose id exists already adds its aliases to that org. Throws InputError naming
    /// origin:line for malformed rows and for an alias that already names another org; the
    /// gazetteer is then left unchanged.
    void add_table(std::string_view tsv, std::string_view origin);
    /// Reads a user's table (zhisou index --orgs FILE).
    void add_file(const std::filesystem::path& path);

    /// The org one alias or id names, in any script and case ("智譜", "Z.ai", "zhipu ai");
    /// spaces and punctuation may also be left out ("zhipuai"). nullptr if none.
    [[nodiscard]] const Org* find(std::string_view alias) const;
    /// The org with this canonical id; nullptr if none.
    [[nodiscard]] const Org* by_id(std::string_view id) const;

    /// Every mention of every org in `text`, in text order, non-overlapping (longest match
    /// wins). Latin aliases match whole words only (not inside longer words or names), but a
    /// product named after its maker counts ("DeepSeek" in "DeepSeek-R1", "Qwen" in "Qwen2.5");
    /// aliases marked '=' in the table must also match as written (Meta, not meta; 昇腾, not
    /// 升腾). Chinese aliases match inside running text, except inside a listed false friend
    /// (阿里山). Links (http://..., www....) are skipped. Count the mentions per org to know
    /// how much a document is about it.
    [[nodiscard]] std::vector<OrgMention> find_mentions(std::string_view text) const;

    /// Up to `limit` ids or aliases closest to an unknown name (for "did you mean"), at most
    /// one per org, nearest first; ids are preferred over aliases at equal distance.
    [[nodiscard]] std::vector<std::string> suggest(std::string_view name,
                                                   std::size_t limit = 3) const;

    [[nodiscard]] const std::vector<Org>& orgs() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace zhisou::index
