from .rating import RatingFilter as RatingFilter
