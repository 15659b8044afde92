#include <memory>
#include <stdexcept>
#include <zstd.h>

#include <zhisou/index/stored_text.h>

namespace zhisou::index {
namespace {

// Level 6 stores the news corpus's text about as small as Xapian's zlib did, and still
// compresses far faster than the analysis that precedes it.
constexpr int kLevel = 6;
// Guards against a damaged frame that claims a huge size; the largest input file the indexer
// takes is smaller than this.
constexpr unsigned long long kMaxTextBytes = 1ULL << 30;

struct CContextDeleter {
    void operator()(ZSTD_CCtx* context) const { ZSTD_freeCCtx(context); }
};
struct DContextDeleter {
    void operator()(ZSTD_DCtx* context) const { ZSTD_freeDCtx(context); }
};

// A context per thread keeps its tables between documents (the indexer's analysis threads
// and the server's workers each compress or read many).
ZSTD_CCtx& compress_context() {
    thread_local std::unique_ptr<ZSTD_CCtx, CContextDeleter> context(ZSTD_createCCtx());
    return *context;
}
ZSTD_DCtx& decompress_context() {
    thread_local std::unique_ptr<ZSTD_DCtx, DContextDeleter> context(ZSTD_createDCtx());
    return *context;
}

} // namespace

std::string compress_stored_text(std::string_view text) {
    std::string frame(ZSTD_compressBound(text.size()), '\0');
    const std::size_t size = ZSTD_compressCCtx(&compress_context(), frame.data(), frame.size(),
                                               text.data(), text.size(), kLevel);
    if (ZSTD_isError(size)) // only with a bad level or buffer, which are ours
        throw std::logic_error(std::string("zstd: ") + ZSTD_getErrorName(size));
    frame.resize(size);
    return frame;
}

std::optional<std::string> decompress_stored_text(std::string_view frame) {
    const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > kMaxTextBytes)
        return std::nullopt;
    std::string text(static_cast<std::size_t>(size), '\0');
    const std::size_t got = ZSTD_decompressDCtx(&decompress_context(), text.data(), text.size(),
                                                frame.data(), frame.size());
    if (ZSTD_isError(got) || got != size)
        return std::nullopt;
    return text;
}

} // namespace zhisou::index
