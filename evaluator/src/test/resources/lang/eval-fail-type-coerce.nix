"count: " + 1
