// SPDX-License-Identifier: MIT
#include "TestSupport.h"

#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include <sys/stat.h>

namespace attune::test {

TempDir::TempDir()
{
    std::string pattern = (std::filesystem::temp_directory_path() / "attune-test-XXXXXX").string();
    if (!::mkdtemp(pattern.data()))
        throw std::runtime_error("mkdtemp failed");
    m_path = pattern;
}

TempDir::~TempDir()
{
    std::error_code error;
    std::filesystem::remove_all(m_path, error);
}

std::string hardText()
{
    using namespace std::string_literals;
    return "Zo\xC3\xAB \xF0\x9F\x8C\x88\xF0\x9F\xA6\x96 \xE2\x80\x8F\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D\xE2\x80\x8E "
           "tab\there\r\nline \x01\x07 nul:\0:after '; DROP TABLE children; -- \"quoted\" %_ \\"s;
}

std::string bigText(std::size_t bytes)
{
    const std::string unit = "Lego castle \xF0\x9F\x8F\xB0 r\xC3\xA9sum\xC3\xA9 ";
    std::string text;
    text.reserve(bytes + unit.size());
    while (text.size() + unit.size() <= bytes)
        text += unit;
    text.append(bytes - text.size(), 'x');
    return text;
}

std::string readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void writeFile(const std::filesystem::path& path, const std::string& bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

unsigned permissionBits(const std::filesystem::path& path)
{
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0)
        return 0;
    return info.st_mode & 0777;
}

} // namespace attune::test
