import { createElement, type ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { ServerOnly, StaticIslandContext, type StaticIslandRenderers, useStaticIsland } from './static-island'

function Island() {
  return createElement('div', { id: 'insel', ...useStaticIsland('insel') })
}
const onServer = (renderers: StaticIslandRenderers, child: ReactNode) => renderToStaticMarkup(createElement(StaticIslandContext, { value: renderers }, child))

describe('static islands', () => {
  it('on the server: the island renders what the document gives it', () => {
    expect(onServer({ insel: () => createElement('p', null, 'isi') }, createElement(Island))).toBe('<div id="insel"><p>isi</p></div>')
  })

  it('in the browser (no renderer): the island asks React to keep the server HTML, and renders no content of its own', () => {
    expect(renderToStaticMarkup(createElement(Island))).toBe('<div id="insel"></div>')
    function Probe() {
      return createElement('pre', null, JSON.stringify(useStaticIsland('insel')))
    }
    expect(JSON.parse(renderToStaticMarkup(createElement(Probe)).slice(5, -6).replaceAll('&quot;', '"'))).toEqual({
      dangerouslySetInnerHTML: { __html: '' },
      suppressHydrationWarning: true,
    })
  })

  it('ServerOnly passes its props to the renderer on the server and renders nothing in the browser', () => {
    const element = createElement(ServerOnly, { name: 'kepala', title: 'Judul' })
    expect(onServer({ kepala: ({ title }) => createElement('b', null, title) }, element)).toBe('<b>Judul</b>')
    expect(renderToStaticMarkup(element)).toBe('')
  })
})
