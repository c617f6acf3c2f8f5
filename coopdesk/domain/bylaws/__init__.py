"""The bylaws (정관) as text: the versioned template (``template``), the co-op's own words
(``texts``), the values its slots take (``slots``), the rendering with generated article
numbers and resolved cross-references (``render``), and an amendment's comparison
(``compare``)."""
