// Writing SVG text safely.
#pragma once

#include <string>
#include <string_view>

namespace lina::plot {

// `text` made safe as XML character data or an attribute value: & < > " ' become
// entities, characters XML 1.0 forbids (controls other than tab and newline) are dropped
// and bytes that are not valid UTF-8 become U+FFFD, so any C++ string a user passes as
// a title or label still gives a well-formed file.
std::string xml_escape(std::string_view text);

}  // namespace lina::plot
