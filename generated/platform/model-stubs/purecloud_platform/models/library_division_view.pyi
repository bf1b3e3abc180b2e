from .library import LibraryDivisionView as LibraryDivisionView
