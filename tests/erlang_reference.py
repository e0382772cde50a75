#!/usr/bin/env python3
"""An independent Erlang C, to cross-check the figures the Rust tests assert.

It shares no code or method with src/staffing/erlang.rs: it evaluates the
textbook formula, the sum of A^k / k!, in exact rationals (small traffic)
and in 60-digit arithmetic through log-gamma (large traffic, needs mpmath).

    python3 tests/erlang_reference.py
"""

from fractions import Fraction
from math import exp, factorial


def erlang_c_exact(a, n):
    a = Fraction(a)
    if n <= a:
        return Fraction(1)
    top = a**n / factorial(n) * Fraction(n) / (n - a)
    return top / (sum(a**k / factorial(k) for k in range(n)) + top)


def metrics(a, n, aht, t):
    c = float(erlang_c_exact(a, n))
    return {
        "waiting_probability": c,
        "service_level": 1 - c * exp(-(n - a) * t / aht),
        "average_speed_of_answer": c * aht / (n - a),
        "occupancy": a / n,
    }


def large():
    import mpmath as mp

    mp.mp.dps = 60

    def c(a, n):
        a = mp.mpf(a)
        terms = [k * mp.log(a) - mp.loggamma(k + 1) for k in range(n)]
        top = n * mp.log(a) - mp.loggamma(n + 1) + mp.log(n) - mp.log(n - a)
        m = max(max(terms), top)
        s = sum(mp.e ** (x - m) for x in terms)
        tp = mp.e ** (top - m)
        return tp / (s + tp)

    def sl(a, n, aht, t):
        return 1 - c(a, n) * mp.e ** (-(n - a) * mp.mpf(t) / aht)

    for a in (1000, 2500, 5000):
        n = a + 1
        while sl(a, n, 180, 20) < 0.8:
            n += 1
        print(f"A={a} 80/20 AHT 180: N={n} SL(N)={mp.nstr(sl(a, n, 180, 20), 17)} "
              f"SL(N-1)={mp.nstr(sl(a, n - 1, 180, 20), 17)}")


if __name__ == "__main__":
    # Call Centre Helper's worked example: 100 calls / 30 min, AHT 180 s, 80/20.
    for n in (13, 14):
        print(f"A=10 N={n} t=20s:", metrics(10, n, 180, 20))
    # Westbay Engineers' example: 360 calls / 30 min, 4-minute calls, 55 agents, 15 s.
    print("A=48 N=55 t=15s:", metrics(48, 55, 240, 15))
    large()
