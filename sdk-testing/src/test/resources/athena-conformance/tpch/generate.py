#!/usr/bin/env python3
"""Writes the conformance suite's small TPC-H-like tables as headerless CSV (deterministic: seeded).

Run from this directory: python3 generate.py. The column types are in schema.txt.
"""
import random

rnd = random.Random(20240101)
regions = ["AFRICA", "AMERICA", "ASIA", "EUROPE", "MIDDLE EAST"]
nations = [("ALGERIA", 0), ("ARGENTINA", 1), ("BRAZIL", 1), ("CANADA", 1), ("EGYPT", 4),
           ("FRANCE", 3), ("GERMANY", 3), ("INDIA", 2), ("JAPAN", 2), ("KENYA", 0)]
segments = ["AUTOMOBILE", "BUILDING", "FURNITURE", "HOUSEHOLD", "MACHINERY"]
priorities = ["1-URGENT", "2-HIGH", "3-MEDIUM", "4-NOT SPECIFIED", "5-LOW"]
modes = ["AIR", "MAIL", "RAIL", "SHIP", "TRUCK"]


def write(name, rows):
    with open(name + ".csv", "w") as f:
        for row in rows:
            f.write(",".join(str(v) for v in row) + "\n")


write("region", [(i, r, "region " + r.lower()) for i, r in enumerate(regions)])
write("nation", [(i, n, r, "nation " + n.lower()) for i, (n, r) in enumerate(nations)])
customers = []
for c in range(1, 21):
    customers.append((c, "Customer#%03d" % c, rnd.randrange(10), "%d.%02d" % (rnd.randrange(-500, 9000), rnd.randrange(100)),
                      segments[rnd.randrange(5)]))
write("customer", customers)
orders, lines = [], []
for o in range(1, 41):
    cust = rnd.randrange(1, 21)
    day = rnd.randrange(0, 700)
    y, m, d = 1995 + day // 360, (day % 360) // 30 + 1, day % 30 + 1
    if m == 2 and d > 28:
        d = 28
    date = "%04d-%02d-%02d" % (y, m, d)
    total = 0
    for ln in range(1, rnd.randrange(1, 5) + 1):
        qty = rnd.randrange(1, 51)
        price = qty * rnd.randrange(900, 2000)
        total += price
        ship_day = min(d + rnd.randrange(1, 20), 28)
        lines.append((o, ln, qty, "%d.00" % price, "0.0%d" % rnd.randrange(0, 10), "0.0%d" % rnd.randrange(0, 9),
                      "RAN"[rnd.randrange(3)], "OF"[rnd.randrange(2)], "%04d-%02d-%02d" % (y, m, ship_day),
                      modes[rnd.randrange(5)]))
    status = "FOP"[rnd.randrange(3)]
    orders.append((o, cust, status, "%d.00" % total, date, priorities[rnd.randrange(5)]))
write("orders", orders)
write("lineitem", lines)
