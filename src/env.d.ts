/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Set by the document page for the corpus components it renders (see components/corpus). */
    document?: import('./components/corpus/context').DocumentContext;
  }
}
