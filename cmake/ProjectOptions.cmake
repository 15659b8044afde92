# Warnings and sanitizers are carried by an interface target that every project target links,
# so the global CMAKE_CXX_FLAGS stay untouched.
add_library(zhisou_options INTERFACE)
add_library(zhisou::options ALIAS zhisou_options)
target_compile_options(zhisou_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                                -Wold-style-cast -Wcast-align -Woverloaded-virtual)
# GCC 12's libstdc++ raises -Wrestrict / -Wstringop-overread / -Wstringop-overflow false
# positives inside std::string and std::vector code at -O3 (GCC bugs 105329, 105651).
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(zhisou_options INTERFACE -Wno-restrict -Wno-stringop-overread
                                                  -Wno-stringop-overflow)
endif()
if(ZHISOU_WERROR)
  target_compile_options(zhisou_options INTERFACE -Werror)
endif()

if(ZHISOU_SANITIZE)
  target_compile_options(zhisou_options INTERFACE -fsanitize=address,undefined
                                                  -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(zhisou_options INTERFACE -fsanitize=address,undefined)
endif()

# Fuzz targets need clang's libFuzzer; they also build as plain replay programs (see tests/fuzz).
if(ZHISOU_FUZZ AND NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "ZHISOU_FUZZ needs clang: configure with -DCMAKE_CXX_COMPILER=clang++")
endif()

# Include third-party headers as SYSTEM so their warnings do not drown ours.
function(zhisou_target target)
  target_link_libraries(${target} PRIVATE zhisou::options)
endfunction()
