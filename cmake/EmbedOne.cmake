# Script mode helper of EmbedFiles.cmake: INPUT -> OUTPUT (.cpp with a byte array).
file(READ ${INPUT} hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE ${OUTPUT}
"// Generated from ${INPUT} by cmake/EmbedOne.cmake; do not edit.\n#include <string_view>\nnamespace ${NAMESPACE} {\nnamespace {\nconstexpr unsigned char kData[] = {\n${bytes}0};\n}\nstd::string_view ${IDENTIFIER}() {\n    return {reinterpret_cast<const char*>(kData), ${size}};\n}\n}\n")
