// The unpickler's machinery below the opcodes: bounded reads of the pickle bytes, the value
// stack with its marks, the memo, and the values that several opcodes build alike.
#include "weights/unpickler.h"

#include "common/errors.h"

#include <cstring>
#include <iterator>

namespace tl::pickle {

const unsigned char* Unpickler::take(size_t n)
{
    if (n > m_size - m_pos)
        fail("pickle ends too early");
    const unsigned char* p = m_data + m_pos;
    m_pos += n;
    return p;
}

uint64_t Unpickler::little(size_t n)
{
    const unsigned char* p = take(n);
    uint64_t value = 0;
    for (size_t i = 0; i < n; ++i)
        value |= uint64_t(p[i]) << (8 * i);
    return value;
}

std::string Unpickler::line()
{
    const void* end = std::memchr(m_data + m_pos, '\n', m_size - m_pos);
    if (!end)
        fail("pickle ends inside a text line");
    const size_t length = static_cast<const unsigned char*>(end) - (m_data + m_pos);
    std::string text(reinterpret_cast<const char*>(take(length)), length);
    take(1);
    return text;
}

Ref Unpickler::pop()
{
    if (m_stack.empty() || (!m_marks.empty() && m_stack.size() <= m_marks.back()))
        fail("pickle stack underflow");
    Ref value = std::move(m_stack.back());
    m_stack.pop_back();
    return value;
}

Ref& Unpickler::top()
{
    if (m_stack.empty() || (!m_marks.empty() && m_stack.size() <= m_marks.back()))
        fail("pickle stack underflow");
    return m_stack.back();
}

std::vector<Ref> Unpickler::popMark()
{
    if (m_marks.empty())
        fail("pickle MARK missing");
    const size_t mark = m_marks.back();
    m_marks.pop_back();
    std::vector<Ref> values(std::make_move_iterator(m_stack.begin() + static_cast<std::ptrdiff_t>(mark)),
                            std::make_move_iterator(m_stack.end()));
    m_stack.resize(mark);
    return values;
}

void Unpickler::memoPut(uint64_t index)
{
    m_memo[index] = top();
}

void Unpickler::memoGet(uint64_t index)
{
    const auto it = m_memo.find(index);
    if (it == m_memo.end())
        fail("pickle refers to memo entry " + std::to_string(index) + " that was never stored");
    m_stack.push_back(it->second);
}

Ref Unpickler::makeString(Type type, size_t length)
{
    Ref s = make(type);
    s->text.assign(reinterpret_cast<const char*>(take(length)), length);
    return s;
}

Ref Unpickler::makeLong(size_t length)
{
    Ref value = make(Type::Int);
    const unsigned char* p = take(length);
    if (length <= 8) {
        uint64_t bits = 0;
        for (size_t i = 0; i < length; ++i)
            bits |= uint64_t(p[i]) << (8 * i);
        if (length > 0 && length < 8 && (p[length - 1] & 0x80))
            bits |= ~uint64_t(0) << (8 * length);  // sign extension
        value->integer = static_cast<int64_t>(bits);
    } else {
        value->bigInteger = true;
        value->text.assign(reinterpret_cast<const char*>(p), length);
    }
    return value;
}

void Unpickler::setItems(Object& dict, const std::vector<Ref>& flat)
{
    if (dict.type != Type::Dict)
        fail("SETITEM on something that is not a dict");
    if (flat.size() % 2 != 0)
        fail("SETITEMS with an odd number of values");
    for (size_t i = 0; i < flat.size(); i += 2)
        dict.entries.emplace_back(flat[i], flat[i + 1]);
}

}  // namespace tl::pickle
