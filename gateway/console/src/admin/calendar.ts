/** One line of a holiday notice as the administrator pastes it: 2027-01-01,OFF,元旦. */
export interface NoticeDay {
  date: string
  kind: string
  name: string
}

/**
 * The days of a pasted notice, one per non-empty line, cells split on a comma, a tab or spaces
 * (as copied from a table). Nothing is judged here: the server checks every day and names the
 * wrong ones, which the screen shows next to their line.
 */
export function parseDays(text: string): NoticeDay[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'))
    .map((line) => {
      const [date = '', kind = '', ...name] = line.split(/\s*[,，\t]\s*|\s+/)
      return { date, kind: kind.toUpperCase(), name: name.join(' ') }
    })
}

/** The server's field errors (days[3].kind …) by line index, so each shows next to its day. */
export function errorsByDay(errors: Record<string, string>): Map<number, string> {
  const out = new Map<number, string>()
  for (const [field, text] of Object.entries(errors)) {
    const m = /^days\[(\d+)]/.exec(field)
    if (m) {
      const i = Number(m[1])
      out.set(i, out.has(i) ? `${out.get(i)}；${text}` : text)
    }
  }
  return out
}
