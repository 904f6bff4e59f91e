# Several arguments to a curried function are bound without the intermediate
# functions; an error in the inner one still names the inner call.
let f = a: { b, c }: a + b + c; in
f 1 { b = 2; }
