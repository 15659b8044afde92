#pragma once
// The handlers behind the routes: each reads its parameters, calls the query library and
// writes JSON. Errors are thrown (ApiError, ParseError, InputError) and turned into status
// codes and bodies in one place, Server's dispatch.

#include <filesystem>
#include <string_view>

#include "result_cache.h"
#include "routes.h"
#include "search_workers.h"

namespace zhisou::server {

class Api {
public:
    Api(const std::filesystem::path& index, std::size_t cache_entries, std::size_t parallel = 0);

    void page(Call& call, std::string_view file);
    void health(Call& call);
    void search(Call& call);
    void suggest(Call& call);
    void document(Call& call);
    void stats(Call& call);
    void saved_list(Call& call);
    void saved_put(Call& call);
    void saved_delete(Call& call);
    void saved_run(Call& call);

private:
    SearchWorkers m_workers;
    ResultCache m_cache;
    std::filesystem::path m_index;
};

} // namespace zhisou::server
