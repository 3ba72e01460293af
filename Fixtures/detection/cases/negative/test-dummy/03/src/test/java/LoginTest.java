@Test void rejectsEmpty() { assertThrows(() -> login("admin", "")); }
