"""The personas editor (用户画像): a window of persona cards and their fields."""
