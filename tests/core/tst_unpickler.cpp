// The restricted unpickler: what torch.save writes works, everything else is a clean error,
// and nothing a pickle asks for is ever executed.
#include "common/errors.h"
#include "weights/unpickler.h"

#include <QtTest>

#include <string>

using namespace tl;
using namespace tl::pickle;

namespace {

Ref unpickle(const std::string& bytes, Unpickler::PersistentLoad load = {})
{
    Unpickler u(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), "test.pkl", std::move(load));
    Ref r = u.load();
    return r;  // only the type is looked at afterwards
}

template <size_t N>
std::string lit(const char (&s)[N])
{
    return std::string(s, N - 1);  // keeps embedded zero bytes
}

std::string bytes(std::initializer_list<int> values)
{
    std::string s;
    for (int v : values)
        s += static_cast<char>(v);
    return s;
}

}  // namespace

class TestUnpickler : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsPlainValues();
    void readsOrderedDictWithMetadata();
    void rejectsFaults_data();
    void rejectsFaults();
    void survivesDeepNestingAndCycles();
};

void TestUnpickler::readsPlainValues()
{
    // {'a': [1, -2, 3.5, True, None, 'x', 70000, 2**40]} as Python's protocol 2 writes it.
    const std::string p = bytes({0x80, 2, '}', 'q', 0, 'X', 1, 0, 0, 0, 'a', ']', 'q', 1, '(', 'K', 1, 'J', 0xfe, 0xff, 0xff,
                                 0xff, 'G', 0x40, 0x0c, 0, 0, 0, 0, 0, 0, 0x88, 'N', 'X', 1, 0, 0, 0, 'x', 'J', 0x70, 0x11,
                                 1, 0, 0x8a, 6, 0, 0, 0, 0, 0, 1, 'e', 's', '.'});
    Unpickler u(reinterpret_cast<const unsigned char*>(p.data()), p.size(), "t", {});
    const Ref r = u.load();
    QCOMPARE(r->type, Type::Dict);
    const Object* list = r->get("a");
    QVERIFY(list && list->type == Type::List);
    QCOMPARE(int(list->items.size()), 8);
    QCOMPARE(list->items[0]->integer, int64_t(1));
    QCOMPARE(list->items[1]->integer, int64_t(-2));
    QCOMPARE(list->items[2]->real, 3.5);
    QVERIFY(list->items[3]->boolean);
    QCOMPARE(list->items[4]->type, Type::None);
    QCOMPARE(list->items[5]->text, std::string("x"));
    QCOMPARE(list->items[6]->integer, int64_t(70000));
    QCOMPARE(list->items[7]->integer, int64_t(1) << 40);
    QCOMPARE(u.position(), p.size());
}

void TestUnpickler::readsOrderedDictWithMetadata()
{
    const std::string p = lit("\x80\x02" "ccollections\nOrderedDict\nq\x00)Rq\x01X\x01\x00\x00\x00kK\x07s}X\t\x00\x00\x00_metadata}sb.");
    Unpickler u(reinterpret_cast<const unsigned char*>(p.data()), p.size(), "t", {});
    const Ref r = u.load();
    QCOMPARE(r->type, Type::Dict);
    QCOMPARE(r->get("k")->integer, int64_t(7));
}

void TestUnpickler::rejectsFaults_data()
{
    QTest::addColumn<QByteArray>("pickle");
    QTest::addColumn<QString>("reason");
    const auto row = [](const char* name, const std::string& p, const char* reason) {
        QTest::newRow(name) << QByteArray(p.data(), int(p.size())) << QString::fromLatin1(reason);
    };
    row("os.system", lit("\x80\x02" "cposix\nsystem\nX\x02\x00\x00\x00lsR."), "disallowed global 'posix.system'");
    row("builtins.eval", lit("\x80\x02" "c__builtin__\neval\n."), "disallowed global '__builtin__.eval'");
    row("stack global", lit("\x80\x04\x8c\x02os\x8c\x06system\x93."), "disallowed global 'os.system'");
    row("torch.load itself", lit("\x80\x02" "ctorch\nload\n."), "disallowed global");
    row("dangling memo", lit("\x80\x02h\x05."), "memo entry 5 that was never stored");
    row("stack underflow", lit("\x80\x02s."), "stack underflow");
    row("empty", lit(""), "ends too early");
    row("no stop", lit("\x80\x02K\x01"), "ends too early");
    row("string longer than file", lit("\x80\x02X\xff\xff\xff\x7f" "abc."), "ends too early");
    row("unknown opcode", lit("\x80\x02\xff."), "unsupported pickle opcode 0xff");
    row("NEWOBJ", lit("\x80\x02\x81."), "unsupported pickle opcode 0x81");
    row("protocol 9", lit("\x80\x09N."), "unsupported pickle protocol");
    row("call a storage class", lit("\x80\x02" "ctorch\nFloatStorage\n)R."), "cannot be called");
    row("OrderedDict with args", lit("\x80\x02" "ccollections\nOrderedDict\n]\x85R."), "OrderedDict built from arguments");
    row("reduce a number", lit("\x80\x02K\x01)R."), "not an allowed function");
    row("append to dict", lit("\x80\x02}K\x01" "a."), "not a list");
    row("setitem on list", lit("\x80\x02]K\x01K\x02s."), "not a dict");
    row("persistent id without loader", lit("\x80\x02K\x01Q."), "unexpected persistent id");
    row("rebuild tensor without storage",
        lit("\x80\x02" "ctorch._utils\n_rebuild_tensor_v2\n(K\x00K\x00)))\x89}tR."), "tensor without a storage");
    row("build on a list", lit("\x80\x02]}b."), "takes no state");
    row("mark missing", lit("\x80\x02t."), "MARK missing");
}

void TestUnpickler::rejectsFaults()
{
    QFETCH(QByteArray, pickle);
    QFETCH(QString, reason);
    try {
        unpickle(pickle.toStdString());
        QFAIL("no error");
    } catch (const WeightsError& e) {
        QVERIFY2(QString::fromStdString(e.what()).startsWith(QStringLiteral("test.pkl: ")), e.what());
        QVERIFY2(QString::fromStdString(e.what()).contains(reason), e.what());
    }
}

void TestUnpickler::survivesDeepNestingAndCycles()
{
    // A million nested lists: [[[[...]]]]; releasing them must not recurse a million deep.
    std::string deep = "\x80\x02";
    for (int i = 0; i < 1'000'000; ++i)
        deep += "](";
    for (int i = 0; i < 1'000'000; ++i)
        deep += "e";
    deep += ".";
    QCOMPARE(unpickle(deep)->type, Type::List);
    // l = []; l.append(l)
    const std::string cycle = lit("\x80\x02]q\x00h\x00" "a.");
    QCOMPARE(unpickle(cycle)->type, Type::List);
}

QTEST_GUILESS_MAIN(TestUnpickler)
#include "tst_unpickler.moc"
