#include "weights/unpickler.h"

#include "common/errors.h"

#include <cstdio>
#include <cstring>

namespace tl::pickle {

namespace {

// A state_dict of the largest torchvision model makes about 10^4 objects; a checkpoint with an
// optimizer state a few 10^5. The cap keeps a hostile pickle from exhausting memory.
constexpr size_t kMaxObjects = 2'000'000;
constexpr int kHighestProtocol = 5;

}  // namespace

Unpickler::Unpickler(const unsigned char* data, size_t size, std::string fileName, PersistentLoad persistentLoad)
    : m_data(data), m_size(size), m_fileName(std::move(fileName)), m_persistentLoad(std::move(persistentLoad))
{
}

Unpickler::~Unpickler()
{
    // Emptying every container first breaks reference cycles a hostile memo can build and makes
    // the release of deeply nested containers flat instead of recursive.
    for (const Ref& object : m_arena) {
        object->items.clear();
        object->entries.clear();
    }
}

void Unpickler::fail(const std::string& reason) const
{
    throw WeightsError(m_fileName + ": " + reason + " (pickle byte " + std::to_string(m_pos) + ")");
}

Ref Unpickler::make(Type type)
{
    if (m_arena.size() >= kMaxObjects)
        fail("too many objects in pickle");
    m_arena.push_back(std::make_shared<Object>());
    m_arena.back()->type = type;
    return m_arena.back();
}

Ref Unpickler::load()
{
    m_stack.clear();
    m_marks.clear();
    m_memo.clear();
    for (;;) {
        const uint8_t op = byte();
        switch (op) {
        case 0x80:  // PROTO
            if (byte() > kHighestProtocol)
                fail("unsupported pickle protocol");
            break;
        case 0x95:  // FRAME: a length hint only
            little(8);
            break;
        case '.': {  // STOP
            Ref result = pop();
            return result;
        }
        case '(':
            m_marks.push_back(m_stack.size());
            break;
        case '0':
            pop();
            break;
        case '1':
            popMark();
            break;
        case '2':
            m_stack.push_back(top());
            break;
        case 'N':
            m_stack.push_back(make(Type::None));
            break;
        case 0x88:
        case 0x89: {
            Ref b = make(Type::Bool);
            b->boolean = op == 0x88;
            m_stack.push_back(b);
            break;
        }
        case 'J':
        case 'K':
        case 'M': {
            Ref i = make(Type::Int);
            i->integer = op == 'J' ? static_cast<int32_t>(little(4)) : static_cast<int64_t>(little(op == 'K' ? 1 : 2));
            m_stack.push_back(i);
            break;
        }
        case 0x8a:  // LONG1
            m_stack.push_back(makeLong(byte()));
            break;
        case 0x8b: {  // LONG4
            const uint64_t n = little(4);
            if (n > m_size)
                fail("integer longer than the file");
            m_stack.push_back(makeLong(n));
            break;
        }
        case 'G': {
            uint64_t bits = 0;
            const unsigned char* p = take(8);
            for (int i = 0; i < 8; ++i)
                bits = (bits << 8) | p[i];  // big-endian
            Ref f = make(Type::Float);
            std::memcpy(&f->real, &bits, sizeof bits);
            m_stack.push_back(f);
            break;
        }
        case 'X':  // BINUNICODE
        case 'T':  // BINSTRING (Python 2 str)
            m_stack.push_back(makeString(Type::Str, little(4)));
            break;
        case 0x8c:  // SHORT_BINUNICODE
        case 'U':   // SHORT_BINSTRING
            m_stack.push_back(makeString(Type::Str, byte()));
            break;
        case 0x8d:  // BINUNICODE8
            m_stack.push_back(makeString(Type::Str, little(8)));
            break;
        case 'B':
            m_stack.push_back(makeString(Type::Bytes, little(4)));
            break;
        case 'C':
            m_stack.push_back(makeString(Type::Bytes, byte()));
            break;
        case ')':
            m_stack.push_back(make(Type::Tuple));
            break;
        case 't': {
            Ref t = make(Type::Tuple);
            t->items = popMark();
            m_stack.push_back(t);
            break;
        }
        case 0x85:
        case 0x86:
        case 0x87: {
            Ref t = make(Type::Tuple);
            t->items.resize(op - 0x84);
            for (size_t i = t->items.size(); i-- > 0;)
                t->items[i] = pop();
            m_stack.push_back(t);
            break;
        }
        case ']':
            m_stack.push_back(make(Type::List));
            break;
        case 'l': {
            Ref l = make(Type::List);
            l->items = popMark();
            m_stack.push_back(l);
            break;
        }
        case 'a': {
            Ref value = pop();
            Ref& list = top();
            if (list->type != Type::List)
                fail("APPEND to something that is not a list");
            list->items.push_back(std::move(value));
            break;
        }
        case 'e': {
            std::vector<Ref> values = popMark();
            Ref& list = top();
            if (list->type != Type::List)
                fail("APPENDS to something that is not a list");
            list->items.insert(list->items.end(), values.begin(), values.end());
            break;
        }
        case '}':
            m_stack.push_back(make(Type::Dict));
            break;
        case 'd': {
            Ref d = make(Type::Dict);
            setItems(*d, popMark());
            m_stack.push_back(d);
            break;
        }
        case 's': {
            Ref value = pop();
            Ref key = pop();
            setItems(*top(), {key, value});
            break;
        }
        case 'u': {
            std::vector<Ref> flat = popMark();
            setItems(*top(), flat);
            break;
        }
        case 'c': {  // GLOBAL
            std::string module = line();
            std::string name = line();
            Ref g = make(Type::Global);
            g->text = module + "." + name;
            if (!isAllowedGlobal(g->text))
                fail("disallowed global '" + g->text + "' (a weight file may hold only tensors, numbers, "
                     "strings and containers)");
            m_stack.push_back(g);
            break;
        }
        case 0x93: {  // STACK_GLOBAL
            Ref name = pop();
            Ref module = pop();
            if (module->type != Type::Str || name->type != Type::Str)
                fail("STACK_GLOBAL needs two strings");
            Ref g = make(Type::Global);
            g->text = module->text + "." + name->text;
            if (!isAllowedGlobal(g->text))
                fail("disallowed global '" + g->text + "' (a weight file may hold only tensors, numbers, "
                     "strings and containers)");
            m_stack.push_back(g);
            break;
        }
        case 'R': {
            Ref args = pop();
            Ref callable = pop();
            m_stack.push_back(reduce(*callable, *args));
            break;
        }
        case 'b': {
            Ref state = pop();
            build(*top(), *state);
            break;
        }
        case 'Q': {
            Ref pid = pop();
            if (!m_persistentLoad)
                fail("unexpected persistent id");
            m_stack.push_back(m_persistentLoad(*this, *pid));
            break;
        }
        case 'q':
            memoPut(byte());
            break;
        case 'r':
            memoPut(little(4));
            break;
        case 0x94:
            memoPut(m_memo.size());
            break;
        case 'h':
            memoGet(byte());
            break;
        case 'j':
            memoGet(little(4));
            break;
        default: {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02x", op);
            fail(std::string("unsupported pickle opcode ") + hex);
        }
        }
    }
}

}  // namespace tl::pickle
