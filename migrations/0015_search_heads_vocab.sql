-- The terms of titles and headings per column, read from the small search_heads
-- index. A one-word query also finds compounds that start with it in a title or heading
-- ("mantelzorg" → "Mantelzorgondersteuning"); looking those compounds up here and naming them
-- costs far less than a prefix query on the main index, which merges every longer word in
-- every passage body (issue 15, benchmark in tests/bench/search.ts).
CREATE VIRTUAL TABLE `search_heads_vocab` USING fts5vocab(`search_heads`, 'col');
