#pragma once

#include "weights/pickle_value.h"

#include <cstddef>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

namespace tl::pickle {

/// A restricted reader for the pickles `torch.save` writes (protocols 2 to 5 opcodes, as used
/// for state_dicts). Written by hand because LibTorch's own unpickler rejects the OrderedDict
/// every state_dict is, and Python's pickle runs arbitrary code: this one knows only plain
/// values, OrderedDict and the tensor rebuild functions of an allow-list, executes nothing,
/// and turns every structural fault into a WeightsError naming the file.
class Unpickler {
public:
    /// Turns a persistent id (the tuple torch.save writes for a storage) into a Storage object.
    using PersistentLoad = std::function<Ref(Unpickler& self, const Object& pid)>;

    Unpickler(const unsigned char* data, size_t size, std::string fileName, PersistentLoad persistentLoad);
    ~Unpickler();
    Unpickler(const Unpickler&) = delete;
    Unpickler& operator=(const Unpickler&) = delete;

    /// Reads one pickle starting at position() up to its STOP and returns its value.
    Ref load();

    /// Bytes consumed so far (several pickles may follow one another in a legacy file).
    size_t position() const { return m_pos; }
    const std::string& fileName() const { return m_fileName; }

    /// A new object owned by this unpickler.
    Ref make(Type type);
    [[noreturn]] void fail(const std::string& reason) const;

private:
    const unsigned char* take(size_t n);
    uint8_t byte() { return *take(1); }
    uint64_t little(size_t n);
    std::string line();
    Ref pop();
    std::vector<Ref> popMark();
    Ref& top();
    void memoPut(uint64_t index);
    void memoGet(uint64_t index);
    Ref makeString(Type type, size_t length);
    Ref makeLong(size_t length);
    void setItems(Object& dict, const std::vector<Ref>& flat);
    Ref reduce(const Object& callable, const Object& args);
    Ref rebuildTensor(const std::vector<Ref>& args, bool v2);
    void build(Object& target, const Object& state);

    const unsigned char* m_data;
    size_t m_size;
    size_t m_pos = 0;
    std::string m_fileName;
    PersistentLoad m_persistentLoad;
    std::vector<Ref> m_stack;
    std::vector<size_t> m_marks;
    std::unordered_map<uint64_t, Ref> m_memo;
    std::vector<Ref> m_arena;  // every object made, so cycles can be broken on destruction
};

}  // namespace tl::pickle
