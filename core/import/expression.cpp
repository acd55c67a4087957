// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/expression.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>

namespace starlocus::core::import {

enum class Op : std::uint8_t { Constant, Column, Negate, Add, Subtract, Multiply, Divide, Power, Function };
enum class Function : std::uint8_t { Log10, Ln, Exp, Sqrt, Abs, Pow, Min, Max, Hypot };

struct Expression::Node {
    Op op = Op::Constant;
    double constant = 0.0;
    std::size_t column = 0; // index into columns_
    Function function = Function::Abs;
    std::vector<std::shared_ptr<const Node>> operands;
};

namespace {

struct FunctionName {
    const char* name;
    Function function;
    std::size_t minArgs, maxArgs;
};
constexpr FunctionName kFunctions[] = {
    {"log10", Function::Log10, 1, 1}, {"ln", Function::Ln, 1, 1},     {"exp", Function::Exp, 1, 1},
    {"sqrt", Function::Sqrt, 1, 1},   {"abs", Function::Abs, 1, 1},   {"pow", Function::Pow, 2, 2},
    {"min", Function::Min, 1, 16},    {"max", Function::Max, 1, 16},  {"hypot", Function::Hypot, 2, 2},
};

using NodePtr = std::shared_ptr<const Expression::Node>;

// Recursive descent over: sum := product (('+'|'-') product)*; product := unary (('*'|'/') unary)*;
// unary := '-' unary | power; power := atom ('^' unary)?  (right-associative, binds tighter
// than unary minus on its left: -2^2 = -4 as in Python and Fortran).
class Parser {
public:
    Parser(const std::string& text, std::vector<std::string>& columns) : text_(text), columns_(columns) {}

    NodePtr parseAll() {
        NodePtr node = sum();
        skipSpace();
        if (pos_ != text_.size())
            fail("unexpected '" + std::string(1, text_[pos_]) + "'");
        return node;
    }

private:
    static constexpr int kMaxDepth = 200; // deeper nesting would only come from a damaged spec

    [[noreturn]] void fail(const std::string& reason) const { throw ExpressionError(text_, pos_, reason); }

    void skipSpace() {
        while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_])))
            ++pos_;
    }
    bool accept(char c) {
        skipSpace();
        if (pos_ < text_.size() && text_[pos_] == c) {
            ++pos_;
            return true;
        }
        return false;
    }

    static NodePtr binary(Op op, NodePtr a, NodePtr b) {
        auto n = std::make_shared<Expression::Node>();
        n->op = op;
        n->operands = {std::move(a), std::move(b)};
        return n;
    }

    NodePtr sum() {
        NodePtr left = product();
        for (;;) {
            if (accept('+'))
                left = binary(Op::Add, left, product());
            else if (accept('-'))
                left = binary(Op::Subtract, left, product());
            else
                return left;
        }
    }
    NodePtr product() {
        NodePtr left = unary();
        for (;;) {
            if (accept('*'))
                left = binary(Op::Multiply, left, unary());
            else if (accept('/'))
                left = binary(Op::Divide, left, unary());
            else
                return left;
        }
    }
    NodePtr unary() {
        if (++depth_ > kMaxDepth)
            fail("nested too deeply");
        NodePtr result;
        if (accept('-')) {
            auto n = std::make_shared<Expression::Node>();
            n->op = Op::Negate;
            n->operands = {unary()};
            result = n;
        } else if (accept('+')) {
            result = unary();
        } else {
            result = power();
        }
        --depth_;
        return result;
    }
    NodePtr power() {
        NodePtr base = atom();
        skipSpace();
        // `**` (as Python writes a power) is taken here, before product() sees a '*'.
        if (accept('^'))
            return binary(Op::Power, base, unary());
        if (pos_ + 1 < text_.size() && text_[pos_] == '*' && text_[pos_ + 1] == '*') {
            pos_ += 2;
            return binary(Op::Power, base, unary());
        }
        return base;
    }

    NodePtr atom() {
        skipSpace();
        if (pos_ >= text_.size())
            fail("expected a number, a column or '(' at the end");
        const char c = text_[pos_];
        if (c == '(') {
            ++pos_;
            NodePtr inner = sum();
            if (!accept(')'))
                fail("expected ')'");
            return inner;
        }
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '.')
            return number();
        if (c == '`')
            return column(quotedName());
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            const std::size_t start = pos_;
            std::string name = bareName();
            skipSpace();
            if (pos_ < text_.size() && text_[pos_] == '(')
                return function(name, start);
            return column(std::move(name));
        }
        fail("unexpected '" + std::string(1, c) + "'");
    }

    NodePtr number() {
        const std::size_t start = pos_;
        while (pos_ < text_.size() && (std::isdigit(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '.'))
            ++pos_;
        if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
            std::size_t p = pos_ + 1;
            if (p < text_.size() && (text_[p] == '+' || text_[p] == '-'))
                ++p;
            if (p < text_.size() && std::isdigit(static_cast<unsigned char>(text_[p]))) {
                pos_ = p;
                while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_])))
                    ++pos_;
            }
        }
        double value = 0.0;
        const auto [end, ec] = std::from_chars(text_.data() + start, text_.data() + pos_, value);
        if (ec != std::errc() || end != text_.data() + pos_ || !std::isfinite(value)) {
            pos_ = start;
            fail("not a finite number");
        }
        auto n = std::make_shared<Expression::Node>();
        n->op = Op::Constant;
        n->constant = value;
        return n;
    }

    std::string bareName() {
        const std::size_t start = pos_;
        while (pos_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_' ||
                                       text_[pos_] == '.'))
            ++pos_;
        // A vector element as the readers name it: FPARAM_COV[1].
        if (pos_ < text_.size() && text_[pos_] == '[') {
            std::size_t p = pos_ + 1;
            while (p < text_.size() && std::isdigit(static_cast<unsigned char>(text_[p])))
                ++p;
            if (p > pos_ + 1 && p < text_.size() && text_[p] == ']')
                pos_ = p + 1;
        }
        return text_.substr(start, pos_ - start);
    }
    std::string quotedName() {
        const std::size_t start = ++pos_;
        const std::size_t close = text_.find('`', start);
        if (close == std::string::npos)
            fail("a name in backquotes is not closed");
        pos_ = close + 1;
        if (close == start)
            fail("an empty name in backquotes");
        return text_.substr(start, close - start);
    }

    NodePtr column(std::string name) {
        auto n = std::make_shared<Expression::Node>();
        n->op = Op::Column;
        const auto it = std::find(columns_.begin(), columns_.end(), name);
        n->column = std::size_t(it - columns_.begin());
        if (it == columns_.end())
            columns_.push_back(std::move(name));
        return n;
    }

    NodePtr function(const std::string& name, std::size_t start) {
        const FunctionName* f = nullptr;
        for (const FunctionName& candidate : kFunctions)
            if (name == candidate.name)
                f = &candidate;
        if (!f) {
            pos_ = start;
            fail("unknown function '" + name + "' (log10 ln exp sqrt abs pow min max hypot)");
        }
        ++pos_; // '('
        auto n = std::make_shared<Expression::Node>();
        n->op = Op::Function;
        n->function = f->function;
        if (!accept(')')) {
            do
                n->operands.push_back(sum());
            while (accept(','));
            if (!accept(')'))
                fail("expected ')' or ','");
        }
        if (n->operands.size() < f->minArgs || n->operands.size() > f->maxArgs) {
            pos_ = start;
            fail("'" + name + "' takes " +
                 (f->minArgs == f->maxArgs ? std::to_string(f->minArgs)
                                           : std::to_string(f->minArgs) + " to " + std::to_string(f->maxArgs)) +
                 " argument(s), not " + std::to_string(n->operands.size()));
        }
        return n;
    }

    const std::string& text_;
    std::vector<std::string>& columns_;
    std::size_t pos_ = 0;
    int depth_ = 0;
};

struct Block {
    std::vector<double> v;
    std::vector<std::uint8_t> null;
};

double applyUnary(Function f, double x) {
    switch (f) {
    case Function::Log10: return x > 0.0 ? std::log10(x) : std::numeric_limits<double>::quiet_NaN();
    case Function::Ln: return x > 0.0 ? std::log(x) : std::numeric_limits<double>::quiet_NaN();
    case Function::Exp: return std::exp(x);
    case Function::Sqrt: return x >= 0.0 ? std::sqrt(x) : std::numeric_limits<double>::quiet_NaN();
    case Function::Abs: return std::abs(x);
    default: return std::numeric_limits<double>::quiet_NaN();
    }
}

void evaluateNode(const Expression::Node& node, std::span<const ExpressionInput> inputs, std::size_t rows,
                  Block& out) {
    out.v.assign(rows, 0.0);
    out.null.assign(rows, 0);
    switch (node.op) {
    case Op::Constant:
        std::fill(out.v.begin(), out.v.end(), node.constant);
        return;
    case Op::Column: {
        const ExpressionInput& in = inputs[node.column];
        std::copy_n(in.values.begin(), rows, out.v.begin());
        std::copy_n(in.null.begin(), rows, out.null.begin());
        return;
    }
    case Op::Negate:
        evaluateNode(*node.operands[0], inputs, rows, out);
        for (double& x : out.v)
            x = -x;
        return;
    case Op::Function:
        if (node.function == Function::Min || node.function == Function::Max) {
            // Nulls are skipped: max(snr_g, snr_r) of a star seen in one channel is that channel.
            const bool isMax = node.function == Function::Max;
            std::fill(out.null.begin(), out.null.end(), 1);
            Block arg;
            for (const auto& operand : node.operands) {
                evaluateNode(*operand, inputs, rows, arg);
                for (std::size_t i = 0; i < rows; ++i) {
                    if (arg.null[i])
                        continue;
                    const double x = arg.v[i];
                    if (out.null[i] || std::isnan(x) || (isMax ? x > out.v[i] : x < out.v[i]))
                        out.v[i] = x;
                    out.null[i] = 0;
                }
            }
            return;
        }
        if (node.operands.size() == 1) {
            evaluateNode(*node.operands[0], inputs, rows, out);
            for (double& x : out.v)
                x = applyUnary(node.function, x);
            return;
        }
        [[fallthrough]];
    default: {
        Block right;
        evaluateNode(*node.operands[0], inputs, rows, out);
        evaluateNode(*node.operands[1], inputs, rows, right);
        for (std::size_t i = 0; i < rows; ++i) {
            out.null[i] |= right.null[i];
            const double a = out.v[i], b = right.v[i];
            double r = 0.0;
            switch (node.op) {
            case Op::Add: r = a + b; break;
            case Op::Subtract: r = a - b; break;
            case Op::Multiply: r = a * b; break;
            case Op::Divide: r = a / b; break; // x/0 = ±Inf: counted as an invalid value downstream
            case Op::Power: r = std::pow(a, b); break;
            default: r = node.function == Function::Pow ? std::pow(a, b) : std::hypot(a, b); break;
            }
            out.v[i] = r;
        }
        return;
    }
    }
}

} // namespace

ExpressionError::ExpressionError(const std::string& text, std::size_t position, const std::string& reason)
    : std::runtime_error("expression '" + text + "', character " + std::to_string(position + 1) + ": " + reason),
      position_(position) {}

Expression::Expression() = default;
Expression::~Expression() = default;
Expression::Expression(const Expression&) = default;
Expression& Expression::operator=(const Expression&) = default;
Expression::Expression(Expression&&) noexcept = default;
Expression& Expression::operator=(Expression&&) noexcept = default;

Expression Expression::parse(const std::string& text) {
    Expression e;
    e.text_ = text;
    Parser parser(e.text_, e.columns_);
    e.root_ = parser.parseAll();
    return e;
}

bool Expression::isColumn() const { return root_ && root_->op == Op::Column; }

void Expression::evaluate(std::span<const ExpressionInput> inputs, std::size_t rows, std::vector<double>& values,
                          std::vector<std::uint8_t>& null) const {
    Block out;
    if (root_)
        evaluateNode(*root_, inputs, rows, out);
    values = std::move(out.v);
    null = std::move(out.null);
}

} // namespace starlocus::core::import
