/** What the search page offers when nothing is found: the corpus's words close to the query, and tips. */
export function NoResults(props: {
  suggestions: string[];
  filtered: boolean;
  onSuggestion: (word: string) => void;
  onClearFilters: () => void;
}) {
  return (
    <div class="no-results">
      {props.suggestions.length > 0 && (
        <>
          <h2>您是不是要找：</h2>
          <ul class="suggestions">
            {props.suggestions.map((word) => (
              <li key={word}>
                <button type="button" onClick={() => props.onSuggestion(word)}>
                  {word}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>查找建议</h2>
      <ul>
        <li>检查是否有错别字，或换一个说法（如“述职”“述责”）。</li>
        <li>减少词语，或用空格把词语分开。</li>
        {props.filtered && (
          <li>
            <button type="button" onClick={props.onClearFilters}>
              取消筛选
            </button>
            后再试。
          </li>
        )}
      </ul>
    </div>
  );
}
