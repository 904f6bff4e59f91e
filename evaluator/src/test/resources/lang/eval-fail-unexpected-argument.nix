let f = { name, version ? "1" }: name; in
f { name = "x"; verison = "2"; }
