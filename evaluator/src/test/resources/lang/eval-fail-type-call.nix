let notAFunction = 1; in
notAFunction 2
