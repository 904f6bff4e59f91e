let a = 10; in
a / (a - a)
