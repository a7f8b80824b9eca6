"""Developer tools: serving the built book, launching Chromium, precompiling the planner."""
